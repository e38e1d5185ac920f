-- Why a value sits in reading_conflict. NULL = an ordinary conflict (a different value for a stored slot; the first
-- stays). 'clock_ahead' = a reading dated ahead of its receipt that held the slot until the real, on-time value arrived:
-- the real value took the slot and the clock-ahead one is kept here as evidence (DOMAIN.md §2).
ALTER TABLE "reading_conflict" ADD COLUMN "reason" TEXT;
