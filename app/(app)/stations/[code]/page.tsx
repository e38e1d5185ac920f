import { segmentMetadata } from '@/app/_lib/metadata';
import { decodeSegment, firstParam, type SearchParams } from '@/app/_lib/params';
import { StationDetailView } from '@/components/stations/station-detail-view';
import { getStationDetail } from '@/server/queries/stations';
import { AqiSection } from '@/components/aqi/aqi-section'; // aqi
import { loadStationIndex } from '@/server/queries/aqi'; // aqi
import { ForecastPanel } from '@/components/forecast/forecast-panel'; // forecast
import { loadStationForecast } from '@/server/queries/forecast'; // forecast
import { StationCamera } from './camera-section'; // camera

type Props = { params: Promise<{ code: string }>; searchParams: SearchParams };

/** Range fields are short; anything longer is not one of them. */
const one = (v: string | string[] | undefined): string | undefined => firstParam(v)?.slice(0, 32);

export const generateMetadata = segmentMetadata('code');

export default async function StationPage({ params, searchParams }: Props) {
  const [{ code }, sp] = await Promise.all([params, searchParams]);
  const detail = await getStationDetail(decodeSegment(code), { range: one(sp.range), res: one(sp.res), from: one(sp.from), to: one(sp.to) });
  // ── aqi: AQI (ambient) / WQI (river) section ──
  const indexView = detail.kind === 'ambient_air' || detail.kind === 'surface_water' ? await loadStationIndex(detail.station.code) : null;
  const extra = indexView && <AqiSection view={indexView} />;
  // ── /aqi ──
  const forecast = <ForecastPanel view={await loadStationForecast(detail.station.code)} />; // forecast
  return <StationDetailView {...detail} extra={<>{extra}{forecast}<StationCamera code={detail.station.code} /></>} />;
}
