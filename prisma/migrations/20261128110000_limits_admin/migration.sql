-- Limits admin: maintenance windows may cover some parameters only (empty = the whole station) and are cancelled
-- rather than deleted, so the list keeps what was declared and when it was withdrawn.
ALTER TABLE "maintenance_window"
    ADD COLUMN "parameters" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    ADD COLUMN "cancelled_at" TIMESTAMPTZ(3),
    ADD COLUMN "cancelled_by" TEXT;

CREATE INDEX "maintenance_window_to_idx" ON "maintenance_window"("to");
