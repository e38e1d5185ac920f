-- Limits (versioned standards, station bindings, permit overrides), alerts with their event history, maintenance
-- windows. Matches the `// ── alerts ──` section of prisma/schema.prisma. No foreign keys to station/facility: the
-- Prisma models declare no relations to them (the shared models stay untouched); station ids are checked by services.

-- CreateEnum
CREATE TYPE "AlertKind" AS ENUM ('compliance_exceedance', 'instant_exceedance', 'approaching', 'offline', 'device_error', 'calibration_overrun', 'qc_fail');
CREATE TYPE "AlertState" AS ENUM ('open', 'acknowledged', 'resolved');
CREATE TYPE "AlertDisposition" AS ENUM ('pending_review', 'confirmed_violation', 'equipment_fault', 'calibration', 'false_alarm');
CREATE TYPE "AlertEventType" AS ENUM ('opened', 'repeat', 'acknowledged', 'disposition', 'resolved', 'reopened', 'note', 'notified');

-- CreateTable
CREATE TABLE "limit_standard" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "kind" "StationKind" NOT NULL,
    "effective_from" DATE NOT NULL,
    "effective_to" DATE,
    "source" TEXT NOT NULL DEFAULT 'import',
    "imported_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "limit_standard_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "limit_standard_source_check" CHECK ("source" IN ('builtin', 'import')),
    CONSTRAINT "limit_standard_dates_check" CHECK ("effective_to" IS NULL OR "effective_to" > "effective_from")
);
CREATE UNIQUE INDEX "limit_standard_code_version_key" ON "limit_standard"("code", "version");

CREATE TABLE "limit_value" (
    "id" SERIAL NOT NULL,
    "standard_id" INTEGER NOT NULL,
    "column_code" TEXT NOT NULL,
    "parameter" TEXT NOT NULL,
    "min" DOUBLE PRECISION,
    "max" DOUBLE PRECISION,
    "averaging" TEXT NOT NULL,
    "apply_coefficients" BOOLEAN NOT NULL,
    CONSTRAINT "limit_value_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "limit_value_averaging_check" CHECK ("averaging" IN ('5min', '1h', '8h', '24h', 'year')),
    CONSTRAINT "limit_value_bounds_check" CHECK (("min" IS NOT NULL OR "max" IS NOT NULL) AND ("min" IS NULL OR "max" IS NULL OR "min" <= "max"))
);
CREATE UNIQUE INDEX "limit_value_standard_id_column_code_parameter_averaging_key" ON "limit_value"("standard_id", "column_code", "parameter", "averaging");
ALTER TABLE "limit_value" ADD CONSTRAINT "limit_value_standard_id_fkey" FOREIGN KEY ("standard_id") REFERENCES "limit_standard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "station_limit_binding" (
    "station_id" INTEGER NOT NULL,
    "standard_code" TEXT NOT NULL,
    "column_code" TEXT NOT NULL,
    "coefficients" JSONB NOT NULL DEFAULT '{}',
    "updated_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "station_limit_binding_pkey" PRIMARY KEY ("station_id", "standard_code")
);

CREATE TABLE "permit_limit" (
    "id" SERIAL NOT NULL,
    "facility_id" INTEGER NOT NULL,
    "station_id" INTEGER,
    "parameter" TEXT NOT NULL,
    "min" DOUBLE PRECISION,
    "max" DOUBLE PRECISION,
    "averaging" TEXT NOT NULL,
    "effective_from" DATE NOT NULL,
    "effective_to" DATE,
    "note" TEXT,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "permit_limit_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "permit_limit_averaging_check" CHECK ("averaging" IN ('5min', '1h', '8h', '24h', 'year')),
    CONSTRAINT "permit_limit_bounds_check" CHECK ("min" IS NOT NULL OR "max" IS NOT NULL)
);
CREATE INDEX "permit_limit_facility_id_parameter_idx" ON "permit_limit"("facility_id", "parameter");

CREATE TABLE "alert" (
    "id" SERIAL NOT NULL,
    "station_id" INTEGER NOT NULL,
    "parameter" TEXT,
    "kind" "AlertKind" NOT NULL,
    "state" "AlertState" NOT NULL DEFAULT 'open',
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),
    "count" INTEGER NOT NULL DEFAULT 1,
    "peak_value" DOUBLE PRECISION,
    "limit_value" DOUBLE PRECISION,
    "basis" TEXT,
    "average_value" DOUBLE PRECISION,
    "completeness" DOUBLE PRECISION,
    "limit_derivation" JSONB,
    "period_start" TIMESTAMPTZ(3),
    "period_end" TIMESTAMPTZ(3),
    "disposition" "AlertDisposition",
    "disposition_note" TEXT,
    "assignee_id" INTEGER,
    "due_at" TIMESTAMPTZ(3),
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by" TEXT,
    "reopened_by_recompute" BOOLEAN NOT NULL DEFAULT false,
    "resolved_by_recompute" BOOLEAN NOT NULL DEFAULT false,
    "suppressed" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "alert_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "alert_basis_check" CHECK ("basis" IS NULL OR "basis" IN ('5min', '1h', '8h', '24h'))
);
CREATE INDEX "alert_station_id_kind_state_idx" ON "alert"("station_id", "kind", "state");
CREATE INDEX "alert_state_opened_at_idx" ON "alert"("state", "opened_at");
CREATE INDEX "alert_opened_at_idx" ON "alert"("opened_at");
-- One open-or-acknowledged alert per (station, parameter, kind); repeats update it.
CREATE UNIQUE INDEX "alert_one_active_key" ON "alert"("station_id", COALESCE("parameter", ''), "kind")
    WHERE "state" IN ('open', 'acknowledged');

CREATE TABLE "alert_event" (
    "id" SERIAL NOT NULL,
    "alert_id" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "type" "AlertEventType" NOT NULL,
    "actor" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    CONSTRAINT "alert_event_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "alert_event_alert_id_at_idx" ON "alert_event"("alert_id", "at");
CREATE INDEX "alert_event_at_idx" ON "alert_event"("at");
ALTER TABLE "alert_event" ADD CONSTRAINT "alert_event_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "maintenance_window" (
    "id" SERIAL NOT NULL,
    "station_id" INTEGER NOT NULL,
    "from" TIMESTAMPTZ(3) NOT NULL,
    "to" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "maintenance_window_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "maintenance_window_range_check" CHECK ("to" > "from")
);
CREATE INDEX "maintenance_window_station_id_from_idx" ON "maintenance_window"("station_id", "from");
