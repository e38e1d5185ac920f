-- Alert episodes (DOMAIN.md §8, issue #16). Added columns only: the row shape stays backward compatible.
-- confirmed: the episode may notify (instant exceedance after N consecutive values, approaching after its minimum
--   duration, every other kind at once). Existing rows were raised under the old rules: confirmed.
-- historical: raised from data older than the historical threshold at arrival; notifies nobody.
-- run_length / clear_since: the engine's episode state (consecutive hits, first clear value after the last hit).
-- withdrawn_at / withdrawn_reason: a compliance exceedance whose period complies after recomputation.
ALTER TABLE alert
  ADD COLUMN IF NOT EXISTS confirmed BOOLEAN NOT NULL DEFAULT true,
  ADD COLUMN IF NOT EXISTS confirmed_at TIMESTAMPTZ(3),
  ADD COLUMN IF NOT EXISTS historical BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN IF NOT EXISTS run_length INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN IF NOT EXISTS clear_since TIMESTAMPTZ(3),
  ADD COLUMN IF NOT EXISTS withdrawn_at TIMESTAMPTZ(3),
  ADD COLUMN IF NOT EXISTS withdrawn_reason TEXT;

-- The list: newest first with cursor paging (opened_at DESC, id DESC).
CREATE INDEX IF NOT EXISTS alert_opened_at_id_idx ON alert (opened_at DESC, id DESC);
