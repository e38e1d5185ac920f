import type { CSSProperties } from 'react';
import type { StationState } from '@/lib/domain/stations/states';

/**
 * How a station's state looks on the map beside its colour: a shape per state, so that no two states look alike even
 * where their colours are close (approaching #F08432 and device error #FF7E00) or for colour-blind readers.
 */
export type MarkerShape = 'circle' | 'triangle' | 'diamond' | 'square' | 'hexagon' | 'ring' | 'cross';

export const STATE_SHAPES: Readonly<Record<StationState, MarkerShape>> = {
  good: 'circle',
  approaching: 'triangle',
  exceeding: 'diamond',
  device_error: 'square',
  calibrating: 'hexagon',
  offline: 'ring',
  not_in_use: 'cross',
};

const CLIP: Partial<Record<MarkerShape, string>> = {
  triangle: 'polygon(50% 0, 100% 100%, 0 100%)',
  diamond: 'polygon(50% 0, 100% 50%, 50% 100%, 0 50%)',
  hexagon: 'polygon(25% 4%, 75% 4%, 100% 50%, 75% 96%, 25% 96%, 0 50%)',
  cross: 'polygon(20% 0, 50% 30%, 80% 0, 100% 20%, 70% 50%, 100% 80%, 80% 100%, 50% 70%, 20% 100%, 0 80%, 30% 50%, 0 20%)',
};

/** The CSS of a shape filled with `fill` (inline style of a marker or a legend swatch). */
export function shapeStyle(shape: MarkerShape, fill: string): CSSProperties {
  const s: CSSProperties = { background: fill };
  if (shape === 'circle' || shape === 'ring') s.borderRadius = '50%';
  if (shape === 'square') s.borderRadius = '2px';
  if (shape === 'ring') s.backgroundImage = 'radial-gradient(circle, #fff 0 30%, transparent 34%)';
  const clip = CLIP[shape];
  if (clip) s.clipPath = clip;
  return s;
}

const kebab = (k: string) => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The same as an inline `style` attribute for HTML written as a string (Leaflet divIcons). */
export function shapeCss(shape: MarkerShape, fill: string): string {
  return Object.entries(shapeStyle(shape, fill))
    .map(([k, v]) => `${kebab(k)}:${String(v)}`)
    .join(';');
}

/** Dark or white text on a fill (#RRGGBB), whichever reads better (WCAG relative luminance). */
export function textOn(fill: string): '#1b2430' | '#ffffff' {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(fill.trim());
  if (!m) return '#ffffff';
  const lin = (h: string) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin(m[1]!) + 0.7152 * lin(m[2]!) + 0.0722 * lin(m[3]!);
  return l > 0.35 ? '#1b2430' : '#ffffff';
}
