-- VN_AQI and VN_WQI, hourly (labelled by the end of the hour) and daily (local date), derived from hourly means.
-- Derived data: recomputable from readings at any time, so no foreign keys to other areas' tables.

CREATE TABLE "aqi_hour" (
    "station_id" INTEGER NOT NULL,
    "hour_end" TIMESTAMPTZ(3) NOT NULL,
    "aqi" INTEGER,
    "category" TEXT,
    "dominant" TEXT,
    "sub_indices" JSONB NOT NULL DEFAULT '{}',
    "nowcast_pm25" DOUBLE PRECISION,
    "nowcast_pm10" DOUBLE PRECISION,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "aqi_hour_pkey" PRIMARY KEY ("station_id", "hour_end")
);

CREATE TABLE "aqi_day" (
    "station_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "aqi" INTEGER,
    "category" TEXT,
    "dominant" TEXT,
    "sub_indices" JSONB NOT NULL DEFAULT '{}',
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "aqi_day_pkey" PRIMARY KEY ("station_id", "day")
);

CREATE TABLE "wqi_hour" (
    "station_id" INTEGER NOT NULL,
    "hour_end" TIMESTAMPTZ(3) NOT NULL,
    "wqi" INTEGER,
    "category" TEXT,
    "reason" TEXT,
    "sub_indices" JSONB NOT NULL DEFAULT '{}',
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "wqi_hour_pkey" PRIMARY KEY ("station_id", "hour_end")
);

CREATE TABLE "wqi_day" (
    "station_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "wqi" INTEGER,
    "category" TEXT,
    "reason" TEXT,
    "sub_indices" JSONB NOT NULL DEFAULT '{}',
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "wqi_day_pkey" PRIMARY KEY ("station_id", "day")
);
