-- Monitoring: the outage log per station and a daily receipt roll-up for the connectivity page.

-- One row per period a station was offline (no file for interval + grace); ended_at is null while it lasts.
CREATE TABLE "station_outage" (
    "id" SERIAL NOT NULL,
    "station_id" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    "cause" TEXT NOT NULL DEFAULT 'offline',
    CONSTRAINT "station_outage_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "station_outage_cause_check" CHECK ("cause" IN ('offline'))
);
CREATE INDEX "station_outage_station_id_started_at_idx" ON "station_outage"("station_id", "started_at");
-- At most one open outage per station.
CREATE UNIQUE INDEX "station_outage_open_key" ON "station_outage"("station_id") WHERE "ended_at" IS NULL;

-- Readings and slots received per station and local day (Asia/Ho_Chi_Minh), refreshed by the worker; derived data.
CREATE TABLE "station_receipt_day" (
    "station_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "readings" INTEGER NOT NULL DEFAULT 0,
    "slots" INTEGER NOT NULL DEFAULT 0,
    "late_slots" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "station_receipt_day_pkey" PRIMARY KEY ("station_id", "day")
);
