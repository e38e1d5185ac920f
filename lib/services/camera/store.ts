import { findCameraImageDuplicate, recordCameraImage } from '../../db/camera-images';
import { findStationByFileCode, type StationRow } from '../../db/stations';
import { checkImage, mimeForImageName, parseImageFileName, type ImageMime, type ImageSource } from '../../domain/camera';
import { ingestReason, renderIngestReason, type IngestReason } from '../../domain/ingest/reasons';
import { storeRaw } from '../ingest';
import { decodeImage } from './thumbnail';

export type StoreImageInput = {
  bytes: Buffer;
  /** The file name as received (FTP) or as generated for a pull. */
  name: string;
  source: ImageSource;
  account: string | null;
  remoteAddress: string | null;
  receivedAt: Date;
  /** FTP: the uploading account's facility (its own stations only). */
  facilityId?: number | null;
  /** Pull: the station is known and the time is the receipt time. */
  station?: StationRow;
  /** Pull: the Content-Type announced by the camera. */
  announcedMime?: ImageMime | null;
  dataDir: string;
  maxBytes?: number;
};

export type StoreImageResult = {
  fileId: number;
  outcome: 'accepted' | 'rejected' | 'duplicate';
  imageId: number | null;
  station: string | null;
  reasons: string[];
};

/**
 * Keeps one camera image like a data file: original bytes in the content-addressed raw store, a ledger row in the hash
 * chain (outcome accepted, rejected with its reason, or duplicate), and for accepted images a camera_image row with
 * size and thumbnail. Refused: names that do not follow the data-file pattern, unknown or foreign stations, content
 * that is not the JPEG/PNG its name or Content-Type announces or does not decode.
 */
export async function storeImage(input: StoreImageInput): Promise<StoreImageResult> {
  const sha = await storeRaw(input.bytes, input.dataDir);
  const base = {
    name: input.name,
    size: input.bytes.length,
    sha256: sha,
    source: input.source,
    account: input.account,
    remoteAddress: input.remoteAddress,
    receivedAt: input.receivedAt,
    rejectedLines: [],
    readingCount: 0,
  };
  const refuse = async (reason: IngestReason, stationId: number | null): Promise<StoreImageResult> => {
    const text = renderIngestReason(reason);
    const { fileId } = await recordCameraImage(
      { ...base, outcome: 'rejected', reasons: [text], reasonCodes: [reason], stationId },
      null,
      new Date(),
    );
    return { fileId, outcome: 'rejected', imageId: null, station: null, reasons: [text] };
  };

  let station = input.station ?? null;
  let time = input.receivedAt;
  if (!station) {
    const parsed = parseImageFileName(input.name);
    if (!parsed) return refuse(ingestReason('name_extension', { pattern: '<PROVINCE>_<FACILITY>_<STATION>_<yyyyMMddHHmmss>.jpg' }), null);
    station = await findStationByFileCode(parsed.fileCode);
    if (!station) return refuse(ingestReason('unknown_station', { fileCode: parsed.fileCode.slice(0, 40) }), null);
    if (input.facilityId != null && station.facility.id !== input.facilityId) return refuse(ingestReason('not_owned'), null);
    time = parsed.time;
  }
  const check = checkImage(input.bytes, input.announcedMime ?? mimeForImageName(input.name), input.maxBytes);
  if (!check.ok) {
    if (check.problem === 'empty') return refuse(ingestReason('empty_file'), station.id);
    if (check.problem === 'too_large') return refuse(ingestReason('file_too_large', { maxBytes: input.maxBytes ?? 0 }), station.id);
    return refuse(ingestReason('not_an_image'), station.id);
  }
  const existing = await findCameraImageDuplicate(station.id, sha, time);
  if (existing) {
    const reason = ingestReason('same_content', { fileId: existing.fileId });
    const text = renderIngestReason(reason);
    const { fileId } = await recordCameraImage(
      { ...base, outcome: 'duplicate', reasons: [text], reasonCodes: [reason], stationId: station.id },
      null,
      new Date(),
    );
    return { fileId, outcome: 'duplicate', imageId: existing.id, station: station.code, reasons: [text] };
  }
  const decoded = await decodeImage(input.bytes);
  if (!decoded) return refuse(ingestReason('not_an_image'), station.id);
  const { fileId, imageId } = await recordCameraImage(
    { ...base, outcome: 'accepted', reasons: [], reasonCodes: [], stationId: station.id },
    {
      stationId: station.id,
      time,
      source: input.source,
      sha256: sha,
      size: input.bytes.length,
      width: decoded.width,
      height: decoded.height,
      mime: check.mime,
      thumb: decoded.thumb,
    },
    new Date(),
  );
  return { fileId, outcome: 'accepted', imageId, station: station.code, reasons: [] };
}

