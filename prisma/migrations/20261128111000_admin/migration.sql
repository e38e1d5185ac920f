-- Admin area: facility contact details and deactivation; an index for paging the audit log newest first.

ALTER TABLE "facility" ADD COLUMN "province" TEXT;
ALTER TABLE "facility" ADD COLUMN "contact_email" TEXT;
-- Null while the facility operates; set when an admin deactivates it (its rows stay for history).
ALTER TABLE "facility" ADD COLUMN "disabled_at" TIMESTAMPTZ(3);

-- The audit page lists newest first and filters by time range.
CREATE INDEX "audit_log_at_id_idx" ON "audit_log"("at" DESC, "id" DESC);
