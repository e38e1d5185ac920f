'use client';
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState } from 'react';
import { GeoJSON, MapContainer, Marker, Pane, Popup, TileLayer, useMap } from 'react-leaflet';
import { formatDateTime, formatNumber, type DisplayLocale } from '@/lib/domain/format';
import { parameterName } from '@/lib/domain/parameters';
import { STATE_COLORS, type StationState } from '@/lib/domain/station-status';
import type { MapStationView } from './types';

const BASEMAP_URL = '/geo/vn-provinces-ne10m.geojson';
/** Bắc Giang and Bắc Ninh (merged into the new Bắc Ninh on 1 July 2025) by ISO 3166-2 code. */
const HIGHLIGHTED = new Set(['VN-54', 'VN-56']);
const DEFAULT_CENTER: [number, number] = [21.25, 106.3];
const DEFAULT_ZOOM = 9;

type ProvinceProps = { name?: string; name_vi?: string; iso_3166_2?: string };

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** A divIcon whose DOM element carries the marker contract: class `station-marker`, `data-station`, `data-state`. */
function stationIcon(code: string, name: string, state: StationState): L.DivIcon {
  return L.divIcon({
    className: 'station-marker-icon',
    html: `<div class="station-marker" data-station="${escapeHtml(code)}" data-state="${state}" title="${escapeHtml(
      `${code} — ${name}`,
    )}" style="background:${STATE_COLORS[state]}"></div>`,
    iconSize: [18, 18],
    iconAnchor: [9, 9],
    popupAnchor: [0, -10],
  });
}

function provinceStyle(feature?: Feature<Geometry, ProvinceProps>): L.PathOptions {
  const highlighted = HIGHLIGHTED.has(feature?.properties?.iso_3166_2 ?? '');
  return highlighted
    ? { color: '#0b6e4f', weight: 1.6, fillColor: '#cfe9da', fillOpacity: 0.75 }
    : { color: '#9aa8a2', weight: 0.6, fillColor: '#f1f4f2', fillOpacity: 0.9 };
}

function Basemap() {
  const [geo, setGeo] = useState<FeatureCollection<Geometry, ProvinceProps> | null>(null);
  useEffect(() => {
    let cancelled = false;
    fetch(BASEMAP_URL)
      .then((r) => (r.ok ? (r.json() as Promise<FeatureCollection<Geometry, ProvinceProps>>) : null))
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
    // A low pane, so the polygons never paint over markers even though they load after them.
    <Pane name="basemap" style={{ zIndex: 250 }}>
      <GeoJSON
        data={geo}
        style={provinceStyle}
        onEachFeature={(feature: Feature<Geometry, ProvinceProps>, layer) => {
          const name = feature.properties?.name_vi ?? feature.properties?.name;
          if (name) layer.bindTooltip(name, { sticky: true, direction: 'top', opacity: 0.85 });
        }}
      />
    </Pane>
  );
}

/** Fits the view to the stations once, on the first data; later refreshes leave the user's pan and zoom alone. */
function FitToStations({ stations }: { stations: MapStationView[] }) {
  const map = useMap();
  const done = useRef(false);
  useEffect(() => {
    if (done.current || stations.length === 0) return;
    done.current = true;
    const bounds = L.latLngBounds(stations.map((s) => [s.lat, s.lon] as [number, number]));
    map.fitBounds(bounds.pad(0.25), { maxZoom: 10 });
  }, [map, stations]);
  return null;
}

const DEVICE_STATUSES = ['00', '01', '02', '03'] as const;

function StationPopup({ station, locale }: { station: MapStationView; locale: DisplayLocale }) {
  const t = useTranslations();
  const deviceStatusLabel = (status: string) => {
    const known = DEVICE_STATUSES.find((d) => d === status);
    return known ? t(`deviceStatus.${known}`) : t('deviceStatus.unknown');
  };
  return (
    <div className="station-popup" data-popup-station={station.code}>
      <h3>{station.name}</h3>
      <div className="muted mono">{station.code}</div>
      <dl>
        <dt>{t('map.facility')}</dt>
        <dd>{station.facilityName}</dd>
        <dt>{t('map.kind')}</dt>
        <dd>{t(`kinds.${station.kind}`)}</dd>
        <dt>{t('map.state')}</dt>
        <dd>{t(`states.${station.state}`)}</dd>
        <dt>{t('map.lastFile')}</dt>
        <dd>{station.lastFileAt ? formatDateTime(station.lastFileAt) : t('common.never')}</dd>
      </dl>
      <strong>{t('map.latestValues')}</strong>
      {station.latest.length === 0 ? (
        <p className="muted" style={{ margin: '4px 0 8px' }}>
          {t('map.noValues')}
        </p>
      ) : (
        <table>
          <tbody>
            {station.latest.map((v) => (
              <tr key={v.parameter}>
                <td>{parameterName(v.parameter, locale)}</td>
                <td className="num">{formatNumber(v.value, v.decimals, locale)}</td>
                <td>{v.unit === '-' ? '' : v.unit}</td>
                <td className="muted">{deviceStatusLabel(v.deviceStatus)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Link href={`/stations/${encodeURIComponent(station.code)}`}>{t('map.details')} →</Link>
    </div>
  );
}

export default function StationMap({
  stations,
  tileUrl,
  locale,
}: {
  stations: MapStationView[];
  tileUrl?: string;
  locale: DisplayLocale;
}) {
  const icons = useMemo(() => {
    const m = new Map<string, L.DivIcon>();
    for (const s of stations) m.set(s.code, stationIcon(s.code, s.name, s.state));
    return m;
  }, [stations]);

  return (
    <MapContainer center={DEFAULT_CENTER} zoom={DEFAULT_ZOOM} scrollWheelZoom style={{ height: '100%', width: '100%' }}>
      {tileUrl && <TileLayer url={tileUrl} attribution="" />}
      <Basemap />
      <FitToStations stations={stations} />
      {stations.map((s) => {
        const icon = icons.get(s.code);
        return icon ? (
          <Marker key={s.code} position={[s.lat, s.lon]} icon={icon} title={`${s.code} — ${s.name}`}>
            <Popup minWidth={240}>
              <StationPopup station={s} locale={locale} />
            </Popup>
          </Marker>
        ) : null;
      })}
    </MapContainer>
  );
}
