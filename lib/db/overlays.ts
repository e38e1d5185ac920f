import { pool } from './client';
import type { Queryable } from './qc';

/** Operator overlays: invalidate or restore a station's readings in [from, to); raw values are never edited. */
export const OVERLAY_ACTIONS = ['invalidate', 'restore'] as const;
export type OverlayAction = (typeof OVERLAY_ACTIONS)[number];

export type OverlayRow = {
  id: number;
  stationId: number;
  parameters: string[];
  from: Date;
  to: Date;
  action: OverlayAction;
  reason: string;
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
  revokedBy: string | null;
};

type DbOverlay = {
  id: number;
  station_id: number;
  parameters: string[] | null;
  from_time: Date;
  to_time: Date;
  action: OverlayAction;
  reason: string;
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
  revoked_by: string | null;
};

const COLUMNS = `id, station_id, parameters, from_time, to_time, action, reason, created_by, created_at, revoked_at, revoked_by`;

function toRow(x: DbOverlay): OverlayRow {
  return {
    id: x.id,
    stationId: x.station_id,
    parameters: x.parameters ?? [],
    from: x.from_time,
    to: x.to_time,
    action: x.action,
    reason: x.reason,
    createdBy: x.created_by,
    createdAt: x.created_at,
    revokedAt: x.revoked_at,
    revokedBy: x.revoked_by,
  };
}

export async function insertOverlay(d: {
  stationId: number;
  parameters: readonly string[];
  from: Date;
  to: Date;
  action: OverlayAction;
  reason: string;
  createdBy: string;
}): Promise<OverlayRow> {
  const r = await pool().query<DbOverlay>(
    `INSERT INTO overlay (station_id, parameters, from_time, to_time, action, reason, created_by)
     VALUES ($1, $2::text[], $3, $4, $5::"OverlayAction", $6, $7) RETURNING ${COLUMNS}`,
    [d.stationId, d.parameters, d.from, d.to, d.action, d.reason, d.createdBy],
  );
  return toRow(r.rows[0]!);
}

export async function findOverlay(id: number): Promise<OverlayRow | null> {
  const r = await pool().query<DbOverlay>(`SELECT ${COLUMNS} FROM overlay WHERE id = $1`, [id]);
  return r.rows[0] ? toRow(r.rows[0]) : null;
}

/** Marks an active overlay revoked; null when it was already revoked (or does not exist). */
export async function revokeOverlayRow(id: number, by: string): Promise<OverlayRow | null> {
  const r = await pool().query<DbOverlay>(
    `UPDATE overlay SET revoked_at = now(), revoked_by = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING ${COLUMNS}`,
    [id, by],
  );
  return r.rows[0] ? toRow(r.rows[0]) : null;
}

/** A station's overlays, newest first; `activeOnly` drops revoked ones. Keyset-paged by id < beforeId. */
export async function listOverlays(
  stationId: number,
  opts: { activeOnly?: boolean; limit: number; beforeId?: number },
): Promise<OverlayRow[]> {
  const r = await pool().query<DbOverlay>(
    `SELECT ${COLUMNS} FROM overlay
     WHERE station_id = $1 AND ($2::boolean IS NOT TRUE OR revoked_at IS NULL) AND ($3::int IS NULL OR id < $3)
     ORDER BY id DESC LIMIT $4`,
    [stationId, opts.activeOnly ?? false, opts.beforeId ?? null, opts.limit],
  );
  return r.rows.map(toRow);
}

/** Active overlays of a station that overlap (after, through], oldest first (later ones win). */
export async function listActiveOverlaysIn(
  on: Queryable,
  stationId: number,
  after: Date,
  through: Date,
): Promise<OverlayRow[]> {
  const r = await on.query<DbOverlay>(
    `SELECT ${COLUMNS} FROM overlay
     WHERE station_id = $1 AND revoked_at IS NULL AND from_time <= $3 AND to_time > $2
     ORDER BY created_at, id`,
    [stationId, after, through],
  );
  return r.rows.map(toRow);
}
