-- Every alert kind of the contract (API.md, lib/domain/alerts/kinds.ts): clock_fault and trend_warning were missing,
-- so filtering the alert list by them failed. No alert of these kinds exists yet; the values only become usable.
ALTER TYPE "AlertKind" ADD VALUE IF NOT EXISTS 'clock_fault';
ALTER TYPE "AlertKind" ADD VALUE IF NOT EXISTS 'trend_warning';
