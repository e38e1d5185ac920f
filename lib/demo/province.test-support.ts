// Test-only: the demo province's outline from the offline basemap, for checking that stations stand inside it.
import { readFileSync } from 'node:fs';
import path from 'node:path';

type Ring = [number, number][];

/** Bắc Giang (VN-54) from the offline basemap (Natural Earth admin-1). */
export function bacGiangRing(): Ring {
  const file = path.resolve(import.meta.dirname, '../../public/geo/vn-provinces-ne10m.geojson');
  const g = JSON.parse(readFileSync(file, 'utf8')) as {
    features: { properties: { iso_3166_2?: string }; geometry: { type: string; coordinates: Ring[] } }[];
  };
  const f = g.features.find((x) => x.properties.iso_3166_2 === 'VN-54');
  if (!f || f.geometry.type !== 'Polygon' || !f.geometry.coordinates[0]) throw new Error('Bắc Giang polygon not found');
  return f.geometry.coordinates[0];
}

/** Ray casting; lon/lat order as in GeoJSON. */
export function insideRing(ring: Ring, lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
