-- Forecast archive (issue 20): every forecast the worker issues, kept so that its skill is measured later against
-- what then happened (rolling origin). Derived data, like aqi_hour: no foreign keys to
-- other areas' tables. Hour i (0-based) of the arrays is the hour ending at based_on + (i + 1) h.
CREATE TABLE "forecast_run" (
    "id" BIGSERIAL NOT NULL,
    "station_id" INTEGER NOT NULL,
    "parameter" TEXT NOT NULL,
    "based_on" TIMESTAMPTZ(3) NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "method" TEXT NOT NULL,
    "hours" INTEGER NOT NULL,
    "value" DOUBLE PRECISION[] NOT NULL,
    "lower" DOUBLE PRECISION[] NOT NULL,
    "upper" DOUBLE PRECISION[] NOT NULL,
    CONSTRAINT "forecast_run_pkey" PRIMARY KEY ("id")
);

-- One forecast per (station, parameter, last hour with data): a refresh with no new data issues nothing new.
CREATE UNIQUE INDEX "forecast_run_station_id_parameter_based_on_key" ON "forecast_run"("station_id", "parameter", "based_on");
