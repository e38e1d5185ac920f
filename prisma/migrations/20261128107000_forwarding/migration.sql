-- Forwarding to the ministry (DOMAIN.md §10): receiving FTP targets and a durable outbox of one job per (target, file).

-- CreateEnum
CREATE TYPE "ForwardProtocol" AS ENUM ('ftp', 'ftps');
-- pending: never attempted (or re-queued); failed: last attempt failed, retried at next_try_at; sent: delivered.
CREATE TYPE "ForwardJobState" AS ENUM ('pending', 'sent', 'failed');

-- CreateTable
CREATE TABLE "forward_target" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "protocol" "ForwardProtocol" NOT NULL DEFAULT 'ftp',
    "host" TEXT NOT NULL,
    "port" INTEGER NOT NULL DEFAULT 21,
    "username" TEXT NOT NULL,
    "password_enc" TEXT NOT NULL,
    "root_folder" TEXT NOT NULL DEFAULT '/',
    "path_template" TEXT NOT NULL DEFAULT '{root}/{province}/{facility}_{station}/{yyyy}/{MM}/{dd}/{file}',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "last_success_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "last_error_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "forward_target_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "forward_target_name_key" ON "forward_target"("name");

-- CreateTable
CREATE TABLE "forward_job" (
    "id" SERIAL NOT NULL,
    "target_id" INTEGER NOT NULL,
    "file_id" INTEGER NOT NULL,
    "state" "ForwardJobState" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_try_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),
    "locked_by" TEXT,
    "last_error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "forward_job_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "forward_job_target_id_file_id_key" ON "forward_job"("target_id", "file_id");
CREATE INDEX "forward_job_state_next_try_at_idx" ON "forward_job"("state", "next_try_at");
CREATE INDEX "forward_job_file_id_idx" ON "forward_job"("file_id");

-- AddForeignKey
ALTER TABLE "forward_job" ADD CONSTRAINT "forward_job_target_id_fkey" FOREIGN KEY ("target_id") REFERENCES "forward_target"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
