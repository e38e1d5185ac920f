-- Notifications (alertsui): per-user subscriptions, the outbox of e-mail / webhook / in-app notifications, and
-- settings such as the alert_event cursor. No foreign keys (as in the Prisma models): alert ids point into another
-- migration's tables, and users/stations are disabled rather than deleted.

CREATE TABLE "notification_subscription" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "station_id" INTEGER,
    "kinds" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "channels" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "webhook_url" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "notification_subscription_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "notification_subscription_channels_check" CHECK ("channels" <@ ARRAY['email', 'webhook', 'inapp']::TEXT[])
);
CREATE INDEX "notification_subscription_user_id_idx" ON "notification_subscription"("user_id");

CREATE TABLE "notification" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER,
    "alert_id" INTEGER NOT NULL,
    "alert_event_id" INTEGER,
    "event_type" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "target" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "read_at" TIMESTAMPTZ(3),
    CONSTRAINT "notification_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "notification_channel_check" CHECK ("channel" IN ('email', 'webhook', 'inapp')),
    CONSTRAINT "notification_status_check" CHECK ("status" IN ('pending', 'sent', 'failed'))
);
CREATE INDEX "notification_status_next_attempt_at_idx" ON "notification"("status", "next_attempt_at");
CREATE INDEX "notification_user_id_channel_created_at_idx" ON "notification"("user_id", "channel", "created_at");
CREATE INDEX "notification_alert_id_user_id_channel_created_at_idx" ON "notification"("alert_id", "user_id", "channel", "created_at");
-- The engine's direct call and the cursor poll may both see one event: it yields one notification per recipient/channel.
CREATE UNIQUE INDEX "notification_event_recipient_key" ON "notification"("alert_event_id", "user_id", "channel", "target")
    NULLS NOT DISTINCT WHERE "alert_event_id" IS NOT NULL;

CREATE TABLE "notification_setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    CONSTRAINT "notification_setting_pkey" PRIMARY KEY ("key")
);
