'use client';
import type { Feature, FeatureCollection } from 'geojson';
import type { Layer, PathOptions, StyleFunction } from 'leaflet';
import { useEffect, useState } from 'react';
import { GeoJSON, Pane } from 'react-leaflet';

/** The offline province outlines (Natural Earth admin-1), served from public/. */
const BASEMAP_URL = '/geo/vn-provinces-ne10m.geojson';

/** Text for the HTML of a divIcon. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

let provinces: Promise<FeatureCollection | null> | null = null;

/** The province outlines, fetched once per page for the polygons and the place names; null while loading or on error. */
export function useProvinces(): FeatureCollection | null {
  const [geo, setGeo] = useState<FeatureCollection | null>(null);
  useEffect(() => {
    let cancelled = false;
    provinces ??= fetch(BASEMAP_URL)
      .then((r) => (r.ok ? (r.json() as Promise<FeatureCollection>) : null))
      .catch(() => null);
    void provinces.then((g) => {
      if (g === null) provinces = null;
      else if (!cancelled) setGeo(g);
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return geo;
}

/** The province polygons, drawn once they have loaded; nothing while they load or when they cannot be fetched. */
export function Basemap({ style, onEachFeature }: { style: PathOptions | StyleFunction; onEachFeature?: (feature: Feature, layer: Layer) => void }) {
  const geo = useProvinces();
  if (!geo) return null;
  return (
    // A low pane, so the polygons never paint over markers even though they load after them.
    <Pane name="basemap" style={{ zIndex: 250 }}>
      <GeoJSON data={geo} style={style} onEachFeature={onEachFeature} />
    </Pane>
  );
}
