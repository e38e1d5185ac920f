import type { AlertKind } from '@/lib/domain/alerts/kinds';
import type { AlertState, Disposition } from '@/lib/domain/alerts/lifecycle';

/** Alert list DTO shared by server/queries/alerts (which builds it) and components/alerts (which shows it). Times ISO +07:00. */
export type AlertRowDto = {
  id: number;
  kind: AlertKind;
  state: AlertState;
  stationCode: string;
  stationName: string;
  parameter: string | null;
  unit: string;
  decimals: number;
  openedAt: string;
  resolvedAt: string | null;
  count: number;
  peakValue: number | null;
  averageValue: number | null;
  limit: number | null;
  basis: string | null;
  durationMs: number;
  disposition: Disposition | null;
  suppressed: boolean;
  /** Episode confirmed (may notify); false = brief. */
  confirmed: boolean;
  /** Raised from data that arrived late (> 24 h): notified nobody. */
  historical: boolean;
  /** Compliance exceedance withdrawn after recomputation. */
  withdrawn: boolean;
};
