-- QC overlays and stored averages (issue 4). Matches the `// ── qc ──` section of prisma/schema.prisma.
-- No foreign keys (like reading: stays valid when distributed by station; the Station model stays untouched).

-- CreateEnum
CREATE TYPE "OverlayAction" AS ENUM ('invalidate', 'restore');

-- CreateTable
CREATE TABLE "overlay" (
    "id" SERIAL NOT NULL,
    "station_id" INTEGER NOT NULL,
    "parameters" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "from_time" TIMESTAMPTZ(3) NOT NULL,
    "to_time" TIMESTAMPTZ(3) NOT NULL,
    "action" "OverlayAction" NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_by" TEXT,
    CONSTRAINT "overlay_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "overlay_station_id_from_time_idx" ON "overlay"("station_id", "from_time");

CREATE TABLE "avg_hour" (
    "station_id" INTEGER NOT NULL,
    "parameter" TEXT NOT NULL,
    "hour_end" TIMESTAMPTZ(3) NOT NULL,
    "value" DOUBLE PRECISION,
    "valid_count" INTEGER NOT NULL,
    "expected_count" INTEGER NOT NULL,
    "complete" BOOLEAN NOT NULL,
    "min" DOUBLE PRECISION,
    "max" DOUBLE PRECISION,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "avg_hour_pkey" PRIMARY KEY ("station_id", "parameter", "hour_end")
);
CREATE INDEX "avg_hour_station_id_hour_end_idx" ON "avg_hour"("station_id", "hour_end");

CREATE TABLE "avg_day" (
    "station_id" INTEGER NOT NULL,
    "parameter" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "value" DOUBLE PRECISION,
    "valid_count" INTEGER NOT NULL,
    "expected_count" INTEGER NOT NULL,
    "complete" BOOLEAN NOT NULL,
    "min" DOUBLE PRECISION,
    "max" DOUBLE PRECISION,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "avg_day_pkey" PRIMARY KEY ("station_id", "parameter", "day")
);
