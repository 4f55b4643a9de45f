-- The runtime's tables as every service's first migration (20261125000000_init) created them: applied history,
-- never changed. What changed since is in prisma/migrations, which the services apply with their own; the
-- runtime's tests build their database from this file and those migrations, as a service's database was built.
CREATE TABLE "outbox_event" (
    "id" BIGSERIAL NOT NULL,
    "event_id" UUID NOT NULL,
    "topic" TEXT NOT NULL,
    "message_key" TEXT NOT NULL,
    "value" BYTEA NOT NULL,
    "headers" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),
    CONSTRAINT "outbox_event_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "outbox_event_event_id_key" ON "outbox_event"("event_id");
CREATE INDEX "outbox_event_unpublished_idx" ON "outbox_event"("id") WHERE "published_at" IS NULL;

CREATE TABLE "processed_event" (
    "consumer_group" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "topic" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "processed_event_pkey" PRIMARY KEY ("consumer_group","event_id")
);

CREATE TABLE "dead_letter" (
    "id" UUID NOT NULL,
    "dlq_topic" TEXT NOT NULL,
    "dlq_partition" INTEGER NOT NULL,
    "dlq_offset" BIGINT NOT NULL,
    "original_topic" TEXT NOT NULL,
    "original_partition" INTEGER,
    "original_offset" BIGINT,
    "message_key" TEXT,
    "consumer_group" TEXT,
    "event_id" TEXT,
    "event_type" TEXT,
    "value" BYTEA NOT NULL,
    "headers" JSONB NOT NULL,
    "error_message" TEXT NOT NULL,
    "error_class" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "failed_at" TIMESTAMPTZ(3) NOT NULL,
    "replay_of" UUID,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "dead_letter_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "dead_letter_dlq_topic_dlq_partition_dlq_offset_key" ON "dead_letter"("dlq_topic", "dlq_partition", "dlq_offset");
CREATE INDEX "dead_letter_status_failed_at_idx" ON "dead_letter"("status", "failed_at");

CREATE TABLE "dead_letter_replay" (
    "id" BIGSERIAL NOT NULL,
    "dead_letter_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "requested_by" TEXT NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcome" TEXT NOT NULL,
    "detail" TEXT,
    CONSTRAINT "dead_letter_replay_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "dead_letter_replay_dead_letter_id_idx" ON "dead_letter_replay"("dead_letter_id");
ALTER TABLE "dead_letter_replay" ADD CONSTRAINT "dead_letter_replay_dead_letter_id_fkey" FOREIGN KEY ("dead_letter_id") REFERENCES "dead_letter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
