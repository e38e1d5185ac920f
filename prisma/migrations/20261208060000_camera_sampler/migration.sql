-- Camera images and the automatic sampler (issue #21, Decree 08/2022 Art. 97–98).

-- Station settings: camera (snapshot pull by the worker, live-view link) and sampler.
ALTER TABLE "station"
  ADD COLUMN "camera_snapshot_url" TEXT,
  ADD COLUMN "camera_stream_url" TEXT,
  ADD COLUMN "camera_interval_minutes" INTEGER NOT NULL DEFAULT 15,
  ADD COLUMN "camera_last_pull_at" TIMESTAMPTZ(3),
  ADD COLUMN "sampler_enabled" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "sampler_auto_after" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "sampler_cooldown_minutes" INTEGER NOT NULL DEFAULT 60;

-- One row per camera image; its bytes are in the raw store and its ledger row in ingest_file (hash chain).
-- Retention purges the bytes and thumbnail but keeps this row (purged_at), so the ledger stays explainable.
CREATE TABLE "camera_image" (
  "id" SERIAL PRIMARY KEY,
  "station_id" INTEGER NOT NULL REFERENCES "station"("id") ON DELETE CASCADE,
  "file_id" INTEGER NOT NULL REFERENCES "ingest_file"("id"),
  "time" TIMESTAMPTZ(3) NOT NULL,
  "source" TEXT NOT NULL CHECK ("source" IN ('ftp', 'pull')),
  "sha256" CHAR(64) NOT NULL,
  "size" INTEGER NOT NULL,
  "width" INTEGER NOT NULL,
  "height" INTEGER NOT NULL,
  "mime" TEXT NOT NULL,
  "thumb" BYTEA,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "purged_at" TIMESTAMPTZ(3)
);
CREATE UNIQUE INDEX "camera_image_file_id_key" ON "camera_image"("file_id");
CREATE INDEX "camera_image_station_id_time_idx" ON "camera_image"("station_id", "time");
CREATE INDEX "camera_image_sha256_idx" ON "camera_image"("sha256");

-- Sampler commands: queued → delivered → sampled | failed | expired. One automatic command per alert (episode).
CREATE TABLE "sampler_command" (
  "id" SERIAL PRIMARY KEY,
  "station_id" INTEGER NOT NULL REFERENCES "station"("id") ON DELETE CASCADE,
  "state" TEXT NOT NULL DEFAULT 'queued' CHECK ("state" IN ('queued', 'delivered', 'sampled', 'failed', 'expired')),
  "trigger" TEXT NOT NULL CHECK ("trigger" IN ('manual', 'auto')),
  "requested_at" TIMESTAMPTZ(3) NOT NULL,
  "requested_by" TEXT NOT NULL,
  "alert_id" INTEGER REFERENCES "alert"("id") ON DELETE SET NULL,
  "reason" TEXT,
  "expires_at" TIMESTAMPTZ(3) NOT NULL,
  "delivered_at" TIMESTAMPTZ(3),
  "delivered_via" TEXT,
  "finished_at" TIMESTAMPTZ(3),
  "bottle" INTEGER,
  "sampled_at" TIMESTAMPTZ(3),
  "note" TEXT
);
CREATE INDEX "sampler_command_station_id_requested_at_idx" ON "sampler_command"("station_id", "requested_at");
CREATE INDEX "sampler_command_state_idx" ON "sampler_command"("state") WHERE "state" IN ('queued', 'delivered');
CREATE UNIQUE INDEX "sampler_command_auto_alert_key" ON "sampler_command"("alert_id") WHERE "trigger" = 'auto';
