'use client';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import L from './leaflet-global';
import 'leaflet.markercluster';
import type { Feature, Geometry } from 'geojson';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { CircleMarker, LayerGroup, LayersControl, MapContainer, Marker, Pane, TileLayer, useMap, useMapEvents } from 'react-leaflet';
import { formatNumber, type DisplayLocale } from '@/lib/domain/format';
import { formatDateTime } from '@/lib/domain/time';
import type { Level } from '@/lib/domain/level';
import { parameterName } from '@/lib/domain/parameters';
import { stateRank, worstState, type StateColors, type StationState } from '@/lib/domain/stations/states';
import { markerColor, type AqiMapEntryView, type MapColorMode } from '@/components/aqi/map-mode-toggle';
import { Basemap, escapeHtml, useProvinces } from './basemap';
import { ARCHIPELAGOS } from './islands';
import { shapeCss, STATE_SHAPES, textOn } from './marker-look';
import styles from './map.module.css';
import type { MapStationView } from './types';

/** Bắc Giang and Bắc Ninh (merged into the new Bắc Ninh on 1 July 2025) by ISO 3166-2 code. */
const HIGHLIGHTED = new Set(['VN-54', 'VN-56']);
const DEFAULT_CENTER: [number, number] = [21.25, 106.3];
const DEFAULT_ZOOM = 9;
/**
 * Nearby markers merge at every zoom (never drawn on top of each other); stations at one place open as a spider at
 * the highest zoom. Markers are 18–30 px and clusters 30–42 px, drawn at their members' mean position: 36 px let two
 * clusters of the demo network overlap at zooms 10–11, 50 px keeps every zoom clear.
 */
const CLUSTER_RADIUS_PX = 50;
/** Province names show from this zoom on. */
const LABEL_ZOOM = 8;
const NO_AQI: Record<string, AqiMapEntryView> = {};
const LEVEL_COLORS: Record<Level, string> = { good: '#1DCE6C', approaching: '#F08432', exceeding: '#EA3223' };

type ProvinceProps = { name?: string; name_vi?: string; iso_3166_2?: string };

/**
 * A divIcon whose DOM element carries the marker contract: class `station-marker`, `data-station`, `data-state`; in AQI
 * mode an ambient station with a current AQI also carries `data-aqi` / `data-aqi-category` and is filled with its band.
 */
function stationIcon(code: string, name: string, state: StationState, fill: string, aqi: AqiMapEntryView | undefined): L.DivIcon {
  const label = aqi ? `${code} — ${name} — AQI ${Math.round(aqi.aqi)}` : `${code} — ${name}`;
  if (aqi) {
    // AQI mode: a rounded label in the band's colour with the number itself.
    const n = Math.round(aqi.aqi);
    const attrs = ` data-aqi="${n}" data-aqi-category="${escapeHtml(aqi.category)}"`;
    return L.divIcon({
      className: 'station-marker-icon',
      html: `<div class="station-marker station-marker-aqi" data-station="${escapeHtml(code)}" data-state="${state}" data-shape="label"${attrs} title="${escapeHtml(label)}" style="background:${fill};color:${textOn(fill)};width:30px;height:20px;border-radius:10px;display:flex;align-items:center;justify-content:center;font:700 11px/1 system-ui,sans-serif">${n}</div>`,
      iconSize: [30, 20],
      iconAnchor: [15, 10],
      popupAnchor: [0, -11],
    });
  }
  const shape = STATE_SHAPES[state];
  // Shapes cut by clip-path lose the white border: the outline comes from a drop shadow on the icon instead.
  return L.divIcon({
    className: 'station-marker-icon',
    html: `<div class="station-marker" data-station="${escapeHtml(code)}" data-state="${state}" data-shape="${shape}" title="${escapeHtml(label)}" style="${shapeCss(shape, fill)};border:0;box-shadow:none;width:18px;height:18px;filter:drop-shadow(0 0 1px #fff) drop-shadow(0 0 1px #fff) drop-shadow(0 1px 2px rgba(0,0,0,.55))"></div>`,
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

/** Tooltip of a province: its Vietnamese name when the data has one. */
function nameProvince(feature: Feature<Geometry, ProvinceProps | null>, layer: L.Layer) {
  const name = feature.properties?.name_vi ?? feature.properties?.name;
  if (name) layer.bindTooltip(name, { sticky: true, direction: 'top', opacity: 0.85 });
}

/**
 * Fits the view to the stations once, on the first data; later refreshes leave the user's pan and zoom alone. The
 * container's size is measured first (the map mounts in a box whose height comes from CSS), else Leaflet fits to a
 * stale size and the stations fall outside the first view.
 */
function FitToStations({ stations }: { stations: MapStationView[] }) {
  const map = useMap();
  const done = useRef(false);
  useEffect(() => {
    if (done.current || stations.length === 0) return;
    done.current = true;
    map.invalidateSize();
    const bounds = L.latLngBounds(stations.map((s) => [s.lat, s.lon] as [number, number]));
    map.fitBounds(bounds, { padding: [28, 28], maxZoom: 13, animate: false });
  }, [map, stations]);
  return null;
}

/** Province names at their label points, from LABEL_ZOOM on. */
function ProvinceLabels() {
  const provinces = useProvinces();
  const [zoom, setZoom] = useState<number | null>(null);
  const map = useMapEvents({ zoomend: () => setZoom(map.getZoom()) });
  const z = zoom ?? map.getZoom();
  if (!provinces || z < LABEL_ZOOM) return null;
  return (
    <Pane name="place-labels" style={{ zIndex: 450, pointerEvents: 'none' }}>
      {provinces.features.map((f, i) => {
        const p = f.properties as (ProvinceProps & { latitude?: number; longitude?: number }) | null;
        const name = p?.name_vi ?? p?.name;
        if (!name || typeof p?.latitude !== 'number' || typeof p.longitude !== 'number') return null;
        return (
          <Marker
            key={i}
            position={[p.latitude, p.longitude]}
            interactive={false}
            keyboard={false}
            icon={L.divIcon({ className: styles.placeLabel, html: `<span>${escapeHtml(name)}</span>`, iconSize: [0, 0] })}
          />
        );
      })}
    </Pane>
  );
}

/** Hoàng Sa and Trường Sa: their islands and their names, as parts of Vietnam. */
function Archipelagos() {
  const t = useTranslations('screens.map');
  return (
    <Pane name="archipelagos" style={{ zIndex: 420 }}>
      {ARCHIPELAGOS.map((a) => (
        <LayerGroup key={a.key}>
          {a.islands.map(([lat, lon], i) => (
            <CircleMarker key={i} center={[lat, lon]} radius={2.5} pathOptions={{ color: '#0b6e4f', weight: 1, fillColor: '#cfe9da', fillOpacity: 1 }} interactive={false} />
          ))}
          <Marker
            position={a.label}
            interactive={false}
            keyboard={false}
            icon={L.divIcon({ className: `${styles.placeLabel} ${styles.islandsLabel}`, html: `<span data-archipelago="${a.key}">${escapeHtml(t(a.key))}</span>`, iconSize: [0, 0] })}
          />
        </LayerGroup>
      ))}
    </Pane>
  );
}

const DEVICE_STATUSES = ['00', '01', '02', '03'] as const;

function StationPopup({ station, locale, aqi }: { station: MapStationView; locale: DisplayLocale; aqi?: AqiMapEntryView }) {
  const t = useTranslations();
  const tm = useTranslations('monitoring');
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
        <dd data-popup-state={station.state}>{t(`states.${station.state}`)}</dd>
        {aqi && (
          <>
            <dt>AQI</dt>
            <dd data-popup-aqi={aqi.category}>
              <span className="badge-dot" style={{ background: aqi.color, display: 'inline-block', marginRight: 4 }} aria-hidden />
              {Math.round(aqi.aqi)}
              {aqi.dominant ? ` (${parameterName(aqi.dominant, locale)})` : ''}
            </dd>
          </>
        )}
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
              <tr key={v.parameter} data-parameter={v.parameter} data-level={v.level ?? 'none'}>
                <td>
                  <span
                    className="badge-dot"
                    aria-label={v.level ? tm(`levels.${v.level}`) : tm('levels.none')}
                    title={v.level ? tm(`levels.${v.level}`) : tm('levels.none')}
                    style={{ background: v.level ? LEVEL_COLORS[v.level] : '#D0D0D0', display: 'inline-block', marginRight: 4 }}
                  />
                  {parameterName(v.parameter, locale)}
                </td>
                <td className="num">{formatNumber(v.value, v.decimals, locale)}</td>
                <td>{v.unit === '-' ? '' : v.unit}</td>
                <td className="muted small">
                  {v.limitMax !== null || v.limitMin !== null
                    ? `≤ ${v.limitMin !== null ? `${formatNumber(v.limitMin, v.decimals, locale)}–` : ''}${v.limitMax !== null ? formatNumber(v.limitMax, v.decimals, locale) : '∞'}`
                    : ''}
                </td>
                <td className="muted">{v.deviceStatus !== '00' ? deviceStatusLabel(v.deviceStatus) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Link href={`/stations/${encodeURIComponent(station.code)}`}>{t('map.details')} →</Link>
    </div>
  );
}

type MarkerEntry = { marker: L.Marker; state: StationState; name: string; look: string; container: HTMLDivElement };
type MarkerInfo = { state: StationState; aqi?: AqiMapEntryView };

/**
 * Station markers in a leaflet.markercluster group: at any zoom, stations closer than CLUSTER_RADIUS_PX merge into a
 * `marker-cluster` showing their count, coloured by the worst state inside; stations at one place spread out as a
 * spider when their cluster is clicked at the highest zoom. Every other station is a `.station-marker`.
 * Popups render React content through a portal into the opened marker's popup container.
 */
function ClusteredMarkers({
  stations,
  colors,
  locale,
  mode,
  aqi,
}: {
  stations: MapStationView[];
  colors: StateColors;
  locale: DisplayLocale;
  mode: MapColorMode;
  aqi: Record<string, AqiMapEntryView>;
}) {
  const map = useMap();
  const entries = useRef(new Map<string, MarkerEntry>());
  const stateOf = useRef(new WeakMap<L.Marker, MarkerInfo>());
  const colorsRef = useRef(colors);
  const groupRef = useRef<L.MarkerClusterGroup | null>(null);
  const [open, setOpen] = useState<{ code: string; marker: L.Marker; container: HTMLDivElement } | null>(null);

  useEffect(() => {
    colorsRef.current = colors;
  }, [colors]);

  useEffect(() => {
    const group = L.markerClusterGroup({
      maxClusterRadius: CLUSTER_RADIUS_PX,
      spiderfyOnMaxZoom: true,
      zoomToBoundsOnClick: true,
      showCoverageOnHover: false,
      chunkedLoading: true,
      iconCreateFunction: (cluster) => {
        const children = cluster.getAllChildMarkers().map((m) => stateOf.current.get(m));
        const worst = worstState(children.map((c) => c?.state ?? 'good')) ?? 'good';
        // In AQI mode a cluster holding stations with an AQI shows the highest one's band; otherwise the worst state.
        const worstAqi = children.reduce<AqiMapEntryView | undefined>((w, c) => (c?.aqi && (!w || c.aqi.aqi > w.aqi) ? c.aqi : w), undefined);
        const fill = worstAqi ? worstAqi.color : colorsRef.current[worst];
        const n = cluster.getChildCount();
        const size = n < 10 ? 30 : n < 100 ? 36 : 42;
        return L.divIcon({
          className: 'marker-cluster',
          html: `<div data-state="${worst}" data-count="${n}" style="width:${size}px;height:${size}px;border-radius:50%;background:${fill};color:#fff;font-weight:700;display:flex;align-items:center;justify-content:center;border:3px solid rgba(255,255,255,.85);box-shadow:0 0 0 1px rgba(0,0,0,.3);box-sizing:border-box;text-shadow:0 0 2px rgba(0,0,0,.6)"><span>${n}</span></div>`,
          iconSize: L.point(size, size),
        });
      },
    });
    groupRef.current = group;
    map.addLayer(group);
    const current = entries.current;
    return () => {
      map.removeLayer(group);
      current.clear();
      groupRef.current = null;
    };
  }, [map]);

  useEffect(() => {
    const group = groupRef.current;
    if (!group) return;
    const wanted = new Set(stations.map((s) => s.code));
    const removed: L.Marker[] = [];
    for (const [code, e] of entries.current) {
      if (!wanted.has(code)) {
        removed.push(e.marker);
        entries.current.delete(code);
      }
    }
    if (removed.length) group.removeLayers(removed);
    const added: L.Marker[] = [];
    let changed = false;
    stations.forEach((s, index) => {
      // Worse states draw on top of better ones; equal states keep list (code) order, so overlapping markers are stable.
      const z = (6 - stateRank(s.state)) * 10_000 + index;
      const a = mode === 'aqi' ? aqi[s.code] : undefined;
      const fill = markerColor(mode, colors[s.state], a);
      const look = `${s.state}|${s.name}|${fill}|${a ? Math.round(a.aqi) : ''}`;
      const e = entries.current.get(s.code);
      if (e) {
        if (e.look !== look) {
          e.marker.setIcon(stationIcon(s.code, s.name, s.state, fill, a));
          stateOf.current.set(e.marker, { state: s.state, aqi: a });
          e.state = s.state;
          e.name = s.name;
          e.look = look;
          changed = true;
        }
        e.marker.setZIndexOffset(z);
        const ll = e.marker.getLatLng();
        if (ll.lat !== s.lat || ll.lng !== s.lon) e.marker.setLatLng([s.lat, s.lon]);
        return;
      }
      const container = document.createElement('div');
      const marker = L.marker([s.lat, s.lon], { icon: stationIcon(s.code, s.name, s.state, fill, a), title: `${s.code} — ${s.name}`, zIndexOffset: z });
      marker.bindPopup(container, { minWidth: 240, maxWidth: 420 });
      marker.on('popupopen', () => setOpen({ code: s.code, marker, container }));
      marker.on('popupclose', () => setOpen((c) => (c?.code === s.code ? null : c)));
      stateOf.current.set(marker, { state: s.state, aqi: a });
      entries.current.set(s.code, { marker, state: s.state, name: s.name, look, container });
      added.push(marker);
    });
    if (added.length) group.addLayers(added);
    if (changed) group.refreshClusters();
  }, [stations, colors, mode, aqi]);

  const station = open ? stations.find((s) => s.code === open.code) : undefined;
  useEffect(() => {
    open?.marker.getPopup()?.update();
  });
  return station && open ? createPortal(<StationPopup station={station} locale={locale} aqi={aqi[station.code]} />, open.container) : null;
}

export default function StationMap({
  stations,
  colors,
  tileUrl,
  tileAttribution,
  locale,
  mode = 'state',
  aqi = NO_AQI,
}: {
  stations: MapStationView[];
  colors: StateColors;
  tileUrl?: string;
  tileAttribution?: string;
  locale: DisplayLocale;
  mode?: MapColorMode;
  aqi?: Record<string, AqiMapEntryView>;
}) {
  const t = useTranslations('screens.map');
  return (
    <MapContainer center={DEFAULT_CENTER} zoom={DEFAULT_ZOOM} minZoom={5} maxZoom={18} scrollWheelZoom style={{ height: '100%', width: '100%' }}>
      <LayersControl position="topright">
        <LayersControl.BaseLayer checked name={t('offlineBase')}>
          <LayerGroup>
            <Basemap style={provinceStyle} onEachFeature={nameProvince} />
          </LayerGroup>
        </LayersControl.BaseLayer>
        {tileUrl && (
          <LayersControl.BaseLayer name={t('onlineBase')}>
            <TileLayer url={tileUrl} attribution={tileAttribution ?? ''} />
          </LayersControl.BaseLayer>
        )}
        <LayersControl.Overlay checked name={t('provinceNames')}>
          <LayerGroup>
            <ProvinceLabels />
          </LayerGroup>
        </LayersControl.Overlay>
        <LayersControl.Overlay checked name={t('islands')}>
          <LayerGroup>
            <Archipelagos />
          </LayerGroup>
        </LayersControl.Overlay>
      </LayersControl>
      <FitToStations stations={stations} />
      <ClusteredMarkers stations={stations} colors={colors} locale={locale} mode={mode} aqi={aqi} />
    </MapContainer>
  );
}
