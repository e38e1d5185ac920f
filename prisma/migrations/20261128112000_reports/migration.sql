-- Reports: per-user opt-in to the monthly report e-mail, and the ledger of monthly sends (one row per month × user,
-- so a month goes out once even when the worker restarts). No foreign keys, as in the Prisma models: users are
-- disabled rather than deleted.

CREATE TABLE "report_subscription" (
    "user_id" INTEGER NOT NULL,
    "monthly_email" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "report_subscription_pkey" PRIMARY KEY ("user_id")
);

CREATE TABLE "report_send" (
    "id" SERIAL NOT NULL,
    "month" TEXT NOT NULL,
    "user_id" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'sending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "message_id" TEXT,
    "last_error" TEXT,
    CONSTRAINT "report_send_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "report_send_status_check" CHECK ("status" IN ('sending', 'sent', 'failed')),
    CONSTRAINT "report_send_month_check" CHECK ("month" ~ '^[0-9]{4}-[0-9]{2}$')
);
CREATE UNIQUE INDEX "report_send_month_user_id_key" ON "report_send"("month", "user_id");
