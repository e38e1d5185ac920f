import { AQI_BANDS } from '@/lib/domain/aqi';
import { WQI_BANDS } from '@/lib/domain/wqi';

/** One band of either scale in the viewer's language: name, colour, advice (AQI) or water use (WQI). */
export type BandView = { category: string; range: string; name: string; color: string; advice: string };

export function bandViews(index: 'aqi' | 'wqi', locale: 'vi' | 'en'): BandView[] {
  if (index === 'aqi')
    return AQI_BANDS.map((b) => ({
      category: b.category,
      range: `${b.min}–${b.max}`,
      name: locale === 'en' ? b.nameEn : b.nameVi,
      color: b.color,
      advice: locale === 'en' ? b.adviceEn : b.adviceVi,
    }));
  return WQI_BANDS.map((b) => ({
    category: b.category,
    range: `${b.min}–${b.max}`,
    name: locale === 'en' ? b.nameEn : b.nameVi,
    color: b.color,
    advice: locale === 'en' ? b.useEn : b.useVi,
  }));
}

export function findBandView(index: 'aqi' | 'wqi', category: string, locale: 'vi' | 'en'): BandView | null {
  return bandViews(index, locale).find((b) => b.category === category) ?? null;
}

/** Dark text on light band colours (yellow, green), white on dark ones. */
export function textOn(color: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!m) return '#000';
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h ?? '0', 16));
  return 0.299 * (r ?? 0) + 0.587 * (g ?? 0) + 0.114 * (b ?? 0) > 150 ? '#1a1a1a' : '#ffffff';
}
