'use client';
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import type { FeatureCollection, Geometry } from 'geojson';
import { useEffect, useMemo, useState } from 'react';
import { GeoJSON, MapContainer, Marker, Pane, TileLayer, Tooltip, useMap } from 'react-leaflet';
import { textOn } from '@/components/aqi/bands';
import type { PublicStationView } from './types';

const BASEMAP_URL = '/geo/vn-provinces-ne10m.geojson';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** A round badge with the current index in its band colour (grey without a published value); squares for rivers. */
function icon(s: PublicStationView): L.DivIcon {
  const color = s.current?.color ?? '#999999';
  const text = s.current ? String(s.current.value) : '–';
  const radius = s.index === 'aqi' ? '50%' : '6px';
  return L.divIcon({
    className: 'public-marker-icon',
    html: `<div class="public-marker" data-public-marker="${escapeHtml(s.code)}" style="width:34px;height:34px;border-radius:${radius};background:${color};color:${textOn(
      color,
    )};border:2px solid #fff;box-shadow:0 1px 4px #0006;display:flex;align-items:center;justify-content:center;font:700 12px system-ui">${escapeHtml(text)}</div>`,
    iconSize: [34, 34],
    iconAnchor: [17, 17],
  });
}

function Basemap() {
  const [geo, setGeo] = useState<FeatureCollection<Geometry> | null>(null);
  useEffect(() => {
    let cancelled = false;
    fetch(BASEMAP_URL)
      .then((r) => (r.ok ? (r.json() as Promise<FeatureCollection<Geometry>>) : null))
      .then((g) => {
        if (!cancelled && g) setGeo(g);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  if (!geo) return null;
  return (
    <Pane name="basemap" style={{ zIndex: 250 }}>
      <GeoJSON data={geo} style={{ color: '#9aa8a2', weight: 0.6, fillColor: '#f1f4f2', fillOpacity: 0.9 }} />
    </Pane>
  );
}

function Fit({ stations }: { stations: PublicStationView[] }) {
  const map = useMap();
  useEffect(() => {
    if (stations.length === 0) return;
    map.fitBounds(L.latLngBounds(stations.map((s) => [s.lat, s.lon] as [number, number])).pad(0.3), { maxZoom: 10 });
  }, [map, stations]);
  return null;
}

export default function PublicMap({ stations, tileUrl }: { stations: PublicStationView[]; tileUrl?: string }) {
  const icons = useMemo(() => new Map(stations.map((s) => [s.code, icon(s)])), [stations]);
  return (
    <MapContainer center={[21.25, 106.3]} zoom={9} scrollWheelZoom={false} style={{ height: '100%', width: '100%' }}>
      {tileUrl && <TileLayer url={tileUrl} attribution="" />}
      <Basemap />
      <Fit stations={stations} />
      {stations.map((s) => {
        const ic = icons.get(s.code);
        return ic ? (
          <Marker key={s.code} position={[s.lat, s.lon]} icon={ic}>
            <Tooltip direction="top" offset={[0, -16]}>
              {s.name}
            </Tooltip>
          </Marker>
        ) : null;
      })}
    </MapContainer>
  );
}
