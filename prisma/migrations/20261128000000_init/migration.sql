-- Core model of Quan Trắc. Written to match prisma/schema.prisma; the reading table is partitioned by month.

-- CreateEnum
CREATE TYPE "StationKind" AS ENUM ('wastewater', 'emission', 'ambient_air', 'surface_water');
CREATE TYPE "Role" AS ENUM ('admin', 'operator', 'inspector', 'manager', 'facility');
CREATE TYPE "IngestOutcome" AS ENUM ('accepted', 'partial', 'rejected', 'duplicate');

-- CreateTable
CREATE TABLE "facility" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "facility_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "facility_code_key" ON "facility"("code");

CREATE TABLE "station" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "file_code" TEXT NOT NULL,
    "file_aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "name" TEXT NOT NULL,
    "kind" "StationKind" NOT NULL,
    "facility_id" INTEGER NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lon" DOUBLE PRECISION NOT NULL,
    "interval_minutes" INTEGER NOT NULL DEFAULT 5,
    "grace_minutes" INTEGER NOT NULL DEFAULT 15,
    "active_from" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "symbol_aliases" JSONB NOT NULL DEFAULT '{}',
    "last_file_at" TIMESTAMPTZ(3),
    "last_data_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "station_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "station_code_key" ON "station"("code");
CREATE UNIQUE INDEX "station_file_code_key" ON "station"("file_code");
CREATE INDEX "station_facility_id_idx" ON "station"("facility_id");

CREATE TABLE "station_parameter" (
    "id" SERIAL NOT NULL,
    "station_id" INTEGER NOT NULL,
    "parameter" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "limit_min" DOUBLE PRECISION,
    "limit_max" DOUBLE PRECISION,
    "qc_config" JSONB,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "station_parameter_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "station_parameter_station_id_parameter_key" ON "station_parameter"("station_id", "parameter");

-- Readings: partitioned by month on "time". No foreign keys (stays valid when distributed by station).
CREATE TABLE "reading" (
    "station_id" INTEGER NOT NULL,
    "parameter" TEXT NOT NULL,
    "time" TIMESTAMPTZ(3) NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "device_status" CHAR(2) NOT NULL,
    "qc_flag" SMALLINT NOT NULL DEFAULT 2,
    "qc_reasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "file_id" INTEGER,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "reading_pkey" PRIMARY KEY ("station_id", "parameter", "time")
) PARTITION BY RANGE ("time");

-- Catch-all for times outside the monthly partitions (e.g. a logger clock years off); never loses a row.
CREATE TABLE "reading_default" PARTITION OF "reading" DEFAULT;

-- Creates the monthly partition holding ts if it does not exist yet. Called by the ingest path before inserting.
CREATE OR REPLACE FUNCTION "ensure_reading_partition"(ts TIMESTAMPTZ) RETURNS TEXT AS $$
DECLARE
    start_utc TIMESTAMPTZ := date_trunc('month', ts AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
    end_utc TIMESTAMPTZ := (date_trunc('month', ts AT TIME ZONE 'UTC') + INTERVAL '1 month') AT TIME ZONE 'UTC';
    part_name TEXT := 'reading_' || to_char(ts AT TIME ZONE 'UTC', 'YYYYMM');
    moved INTEGER;
BEGIN
    IF to_regclass(quote_ident(part_name)) IS NOT NULL THEN
        RETURN part_name;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext(part_name));
    IF to_regclass(quote_ident(part_name)) IS NOT NULL THEN
        RETURN part_name;
    END IF;
    -- Rows that landed in the default partition for this month must move into the new one.
    CREATE TEMP TABLE IF NOT EXISTS _reading_move (LIKE "reading") ON COMMIT DROP;
    WITH m AS (
        DELETE FROM "reading_default" WHERE "time" >= start_utc AND "time" < end_utc RETURNING *
    ) INSERT INTO _reading_move SELECT * FROM m;
    GET DIAGNOSTICS moved = ROW_COUNT;
    BEGIN
        EXECUTE format('CREATE TABLE %I PARTITION OF "reading" FOR VALUES FROM (%L) TO (%L)', part_name, start_utc, end_utc);
    EXCEPTION WHEN duplicate_table THEN
        -- Another session created it between our check and the lock becoming visible: nothing to do.
        RETURN part_name;
    END;
    IF moved > 0 THEN
        INSERT INTO "reading" SELECT * FROM _reading_move;
        DELETE FROM _reading_move;
    END IF;
    RETURN part_name;
END;
$$ LANGUAGE plpgsql;

CREATE TABLE "reading_conflict" (
    "id" SERIAL NOT NULL,
    "station_id" INTEGER NOT NULL,
    "parameter" TEXT NOT NULL,
    "time" TIMESTAMPTZ(3) NOT NULL,
    "stored_value" DOUBLE PRECISION NOT NULL,
    "new_value" DOUBLE PRECISION NOT NULL,
    "file_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by" TEXT,
    CONSTRAINT "reading_conflict_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "reading_conflict_station_id_time_idx" ON "reading_conflict"("station_id", "time");

CREATE TABLE "ingest_file" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "source" TEXT NOT NULL,
    "account" TEXT,
    "remote_address" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(3),
    "outcome" "IngestOutcome" NOT NULL,
    "reasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "rejected_lines" JSONB NOT NULL DEFAULT '[]',
    "station_id" INTEGER,
    "reading_count" INTEGER NOT NULL DEFAULT 0,
    "prev_hash" CHAR(64) NOT NULL,
    "row_hash" CHAR(64) NOT NULL,
    CONSTRAINT "ingest_file_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ingest_file_station_id_received_at_idx" ON "ingest_file"("station_id", "received_at");
CREATE INDEX "ingest_file_received_at_idx" ON "ingest_file"("received_at");
CREATE INDEX "ingest_file_sha256_idx" ON "ingest_file"("sha256");

CREATE TABLE "app_user" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "facility_id" INTEGER,
    "locale" TEXT NOT NULL DEFAULT 'vi',
    "disabled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

CREATE TABLE "api_token" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "role" "Role" NOT NULL,
    "facility_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");

CREATE TABLE "ftp_account" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "facility_id" INTEGER NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ftp_account_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ftp_account_username_key" ON "ftp_account"("username");

CREATE TABLE "audit_log" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_id" TEXT,
    "before" JSONB,
    "after" JSONB,
    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_log_entity_entity_id_idx" ON "audit_log"("entity", "entity_id");

-- The audit log is append-only: updates and deletes are refused by the database itself.
CREATE OR REPLACE FUNCTION "audit_log_append_only"() RETURNS TRIGGER AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "audit_log_no_update" BEFORE UPDATE OR DELETE ON "audit_log"
    FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();

CREATE TABLE "job" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "run_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "locked_at" TIMESTAMPTZ(3),
    "locked_by" TEXT,
    "done_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "dedupe_key" TEXT,
    CONSTRAINT "job_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "job_dedupe_key_key" ON "job"("dedupe_key");
CREATE INDEX "job_done_at_run_at_idx" ON "job"("done_at", "run_at");

CREATE TABLE "worker_heartbeat" (
    "name" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "info" JSONB NOT NULL DEFAULT '{}',
    CONSTRAINT "worker_heartbeat_pkey" PRIMARY KEY ("name")
);

-- AddForeignKey
ALTER TABLE "station" ADD CONSTRAINT "station_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "station_parameter" ADD CONSTRAINT "station_parameter_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "station"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ingest_file" ADD CONSTRAINT "ingest_file_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "station"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "facility"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "facility"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ftp_account" ADD CONSTRAINT "ftp_account_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
