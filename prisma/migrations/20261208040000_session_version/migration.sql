-- Security round 2: a session JWT carries the user's session version and is refused once it differs. Sign-out,
-- password change or reset, role change and deactivation increment it, ending every session issued before.
ALTER TABLE "app_user" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0;
