/**
 * Thumbnails with sharp (libvips), which Next.js already installs for image optimisation: decodes the image (a file
 * with valid magic bytes but a broken body is refused here), reads its size and writes a small JPEG.
 */
export const THUMB_WIDTH = 320;

export type DecodedImage = { width: number; height: number; thumb: Buffer };

type SharpFactory = (input: Buffer, opts?: { failOn?: string; limitInputPixels?: number }) => {
  metadata(): Promise<{ width?: number; height?: number }>;
  rotate(): ReturnType<SharpFactory>;
  resize(o: { width: number; withoutEnlargement: boolean }): ReturnType<SharpFactory>;
  jpeg(o: { quality: number }): ReturnType<SharpFactory>;
  toBuffer(): Promise<Buffer>;
};

let sharpPromise: Promise<SharpFactory> | null = null;
function loadSharp(): Promise<SharpFactory> {
  sharpPromise ??= import('sharp').then((m) => (m as unknown as { default: SharpFactory }).default);
  return sharpPromise;
}

/** Width, height and a JPEG thumbnail ≤ THUMB_WIDTH wide; null when the bytes do not decode as an image. */
export async function decodeImage(bytes: Buffer): Promise<DecodedImage | null> {
  try {
    const sharp = await loadSharp();
    // 50 megapixels at most: a decompression bomb is refused rather than decoded.
    const meta = await sharp(bytes, { failOn: 'error', limitInputPixels: 50_000_000 }).metadata();
    if (!meta.width || !meta.height) return null;
    const thumb = await sharp(bytes, { failOn: 'error', limitInputPixels: 50_000_000 })
      .rotate()
      .resize({ width: THUMB_WIDTH, withoutEnlargement: true })
      .jpeg({ quality: 70 })
      .toBuffer();
    return { width: meta.width, height: meta.height, thumb };
  } catch {
    return null;
  }
}

/** A JPEG of the given size and colour with a caption-free gradient (the simulator's camera and tests). */
export async function renderTestImage(opts: { width: number; height: number; hue: number; format?: 'jpeg' | 'png' }): Promise<Buffer> {
  const sharp = (await import('sharp')).default;
  const { width, height } = opts;
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[i] = (opts.hue + x) % 256;
      raw[i + 1] = Math.round((y / height) * 200);
      raw[i + 2] = (opts.hue * 3 + y) % 256;
    }
  }
  const img = sharp(raw, { raw: { width, height, channels: 3 } });
  return opts.format === 'png' ? img.png().toBuffer() : img.jpeg({ quality: 80 }).toBuffer();
}
