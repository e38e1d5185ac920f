-- Monitoring: charts shade calibration (01/03) and device-error (02) periods. Such readings are a small fraction, so a
-- partial index finds them for a station and window without visiting every reading of the window (a year of one
-- station is ~800,000 rows); it is created on each monthly partition of "reading".
CREATE INDEX IF NOT EXISTS "reading_status_idx" ON "reading" ("station_id", "time") WHERE "device_status" <> '00';
