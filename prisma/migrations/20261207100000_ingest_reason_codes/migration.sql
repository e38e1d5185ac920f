-- Ingest reasons as codes (lib/domain/ingest/reasons.ts): the file's reasons as [{code, params}], one per entry of
-- "reasons"; rejected lines carry code and params beside their text in "rejected_lines". Rows recorded before stay
-- NULL here: their hash covers the text only, and the ledger check recomputes them in that form.
ALTER TABLE "ingest_file" ADD COLUMN "reason_codes" JSONB;
