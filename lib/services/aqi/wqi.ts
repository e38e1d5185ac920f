import { listHourlyMeans, replaceIndexHours, writeIndexDay, type IndexHourWrite, type IndexStation } from '../../db/aqi';
import { computeDaily, type HourlyAverage } from '../../domain/averages';
import { dayRange } from '../../domain/time';
import { computeWqi, type WqiInput } from '../../domain/wqi';

/**
 * VN_WQI of river stations from the automatically measured parameters (pH, temperature for DO saturation, DO, COD,
 * NH4, TOC…), stored hourly (wqi_hour, from the hour's complete means) and daily (wqi_day, from complete daily means).
 * Data sufficiency is computeWqi's rule (≥ 3 group-IV sub-indices, pH + group IV); otherwise the row keeps the reason.
 */
const HOUR_MS = 3_600_000;
export const WQI_INPUTS = ['PH', 'TEMP', 'DO', 'BOD5', 'COD', 'TOC', 'NH4', 'NO3', 'NO2', 'PO4'] as const;
type WqiCode = (typeof WQI_INPUTS)[number];

const round2 = (x: number): number => Math.round(x * 100) / 100;

function toRow(input: WqiInput) {
  const r = computeWqi(input);
  const subIndices = Object.fromEntries(Object.entries(r.subIndices).map(([k, v]) => [k, round2(v)]));
  return r.ok
    ? { value: r.wqi, category: r.band.category, reason: null, subIndices }
    : { value: null, category: null, reason: r.reason, subIndices };
}

export function wqiHourRows(stationId: number, means: Map<string, HourlyAverage[]>, fromLabel: number, throughLabel: number): IndexHourWrite[] {
  const maps = new Map(WQI_INPUTS.map((p) => [p, new Map((means.get(p) ?? []).map((h) => [h.hourEnd, h]))]));
  const rows: IndexHourWrite[] = [];
  for (let h = fromLabel; h <= throughLabel; h += HOUR_MS) {
    if (!WQI_INPUTS.some((p) => maps.get(p)?.has(h))) continue;
    const input: Partial<Record<WqiCode, number | null>> = {};
    for (const p of WQI_INPUTS) {
      const m = maps.get(p)?.get(h);
      input[p] = m && m.complete ? m.value : null;
    }
    rows.push({ stationId, hourEnd: new Date(h), dominant: null, nowcastPm25: null, nowcastPm10: null, ...toRow(input) });
  }
  return rows;
}

export function wqiDayRow(stationId: number, day: string, means: Map<string, HourlyAverage[]>) {
  const { after, through } = dayRange(day);
  const input: Partial<Record<WqiCode, number | null>> = {};
  let any = false;
  for (const p of WQI_INPUTS) {
    const hours = (means.get(p) ?? []).filter((h) => h.hourEnd > after && h.hourEnd <= through);
    if (hours.length) any = true;
    const d = computeDaily(hours)[0];
    input[p] = d && d.complete ? d.value : null;
  }
  return any ? { stationId, day, dominant: null, ...toRow(input) } : null;
}

export async function computeWqiHours(station: IndexStation, fromLabel: number, throughLabel: number): Promise<number> {
  const means = await listHourlyMeans(station, WQI_INPUTS, new Date(fromLabel), new Date(throughLabel));
  const rows = wqiHourRows(station.id, means, fromLabel, throughLabel);
  await replaceIndexHours('wqi', station.id, new Date(fromLabel), new Date(throughLabel), rows);
  return rows.length;
}

export async function computeWqiDay(station: IndexStation, day: string): Promise<void> {
  const { after, through } = dayRange(day);
  const means = await listHourlyMeans(station, WQI_INPUTS, new Date(after + HOUR_MS), new Date(through));
  await writeIndexDay('wqi', station.id, day, wqiDayRow(station.id, day, means));
}
