'use client';
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useMemo } from 'react';
import { MapContainer, Marker, TileLayer, Tooltip, useMap } from 'react-leaflet';
import { textOn } from '@/components/aqi/bands';
import { Basemap, escapeHtml } from '@/components/map/basemap';
import type { PublicStationView } from './types';

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
      <Basemap style={{ color: '#9aa8a2', weight: 0.6, fillColor: '#f1f4f2', fillOpacity: 0.9 }} />
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
