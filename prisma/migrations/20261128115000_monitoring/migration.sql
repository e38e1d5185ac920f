-- Monitoring: station charts read hourly means of one station's parameters over up to a year (8,760 rows per
-- parameter). avg_hour is written hour by hour across all stations, so one station's rows sit on thousands of heap
-- pages; a covering index lets the chart read them with an index-only scan. (Prisma's schema language cannot express
-- INCLUDE columns; the index lives here only.)
CREATE INDEX IF NOT EXISTS "avg_hour_chart_idx" ON "avg_hour" ("station_id", "parameter", "hour_end")
  INCLUDE ("value", "min", "max", "valid_count", "expected_count");
