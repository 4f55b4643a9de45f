-- Tables of @food/kafka-runtime as they stand now (see runtime.prisma). A service's first migration included
-- them; later changes reach services as migrations of their own (20261125020000_dead_letter_identity,
-- 20261129000000_hostile_records, 20261129010000_retention, 20261130000300_dead_letter_search_indexes,
-- 20261130000400_dead_letter_bulk_action).
CREATE TABLE "outbox_event" (
    "id" BIGSERIAL NOT NULL,
    "event_id" UUID NOT NULL,
    "topic" TEXT NOT NULL,
    "message_key" BYTEA,
    "value" BYTEA NOT NULL,
    "headers" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),
    CONSTRAINT "outbox_event_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "outbox_event_event_id_key" ON "outbox_event"("event_id");
CREATE INDEX "outbox_event_unpublished_idx" ON "outbox_event"("id") WHERE "published_at" IS NULL;
CREATE INDEX "outbox_event_published_at_idx" ON "outbox_event"("published_at");

CREATE TABLE "processed_event" (
    "consumer_group" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "topic" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "processed_event_pkey" PRIMARY KEY ("consumer_group","event_id")
);
CREATE INDEX "processed_event_processed_at_idx" ON "processed_event"("processed_at");

CREATE TABLE "dead_letter" (
    "id" UUID NOT NULL,
    "dlq_topic" TEXT NOT NULL,
    "dlq_partition" INTEGER NOT NULL,
    "dlq_offset" BIGINT NOT NULL,
    "original_topic" TEXT NOT NULL,
    "original_partition" INTEGER,
    "original_offset" BIGINT,
    "message_key" TEXT,
    "key_bytes" BYTEA,
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
CREATE INDEX "dead_letter_dlq_topic_dlq_partition_dlq_offset_idx" ON "dead_letter"("dlq_topic", "dlq_partition", "dlq_offset");
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

CREATE TABLE "consumer_in_flight" (
    "consumer_group" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "partition" INTEGER NOT NULL,
    "start_offset" BIGINT NOT NULL,
    "starts" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "consumer_in_flight_pkey" PRIMARY KEY ("consumer_group","topic","partition")
);

-- Dead letters are grouped by what failed and why: the original topic, the error class and the error message with
-- ids and numbers replaced, so one outage reads as one group with a count, not as hundreds of rows.
CREATE FUNCTION "dead_letter_error_pattern"(message TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN left(
        regexp_replace(
            regexp_replace(
                regexp_replace(message, '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', '<id>', 'gi'),
                '\m[0-9a-f]{16,}\M', '<hex>', 'gi'),
            '[0-9]+([.,][0-9]+)*', '<n>', 'g'),
        500);

ALTER TABLE "dead_letter" ADD COLUMN "error_pattern" TEXT
    GENERATED ALWAYS AS ("dead_letter_error_pattern"("error_message")) STORED;
ALTER TABLE "dead_letter" ADD COLUMN "fingerprint" TEXT
    GENERATED ALWAYS AS (md5("original_topic" || E'\n' || "error_class" || E'\n' || "dead_letter_error_pattern"("error_message"))) STORED;
CREATE INDEX "dead_letter_fingerprint_failed_at_idx" ON "dead_letter"("fingerprint", "failed_at");

-- Dead letters are searched by key (an order id), event id and header values, and listed newest first. The key
-- index is a hash: a key can be near the broker's size limit, past what a btree entry holds (8 KiB).
CREATE INDEX "dead_letter_message_key_idx" ON "dead_letter" USING HASH ("message_key");
CREATE INDEX "dead_letter_event_id_idx" ON "dead_letter"("event_id");
CREATE INDEX "dead_letter_headers_idx" ON "dead_letter" USING GIN ("headers" jsonb_path_ops);
CREATE INDEX "dead_letter_failed_at_id_idx" ON "dead_letter"("failed_at", "id");

-- The two console searches that read every dead letter (~360-380 ms p95 with 10,000): payload text and a header
-- value under any name. A trigram index answers the payload's ILIKE (three characters or more); a GIN index over
-- the array of header values answers "some header has exactly this value" as containment.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "dead_letter_payload_text_trgm_idx" ON "dead_letter" USING GIN ((encode("value", 'escape')) gin_trgm_ops);
CREATE INDEX "dead_letter_header_values_idx" ON "dead_letter" USING GIN ((jsonb_path_query_array("headers", '$.*')) jsonb_path_ops);

-- Bulk actions on dead letters (replay or discard everything a filter matches, a group say) run in the service,
-- not in the operator's browser: the row is the job's state, so closing the page loses nothing, and another
-- instance takes over a job whose heartbeat stopped (its process died).
CREATE TABLE "dead_letter_bulk_action" (
    "id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "filter" JSONB NOT NULL,
    "per_second" INTEGER NOT NULL,
    "reason" TEXT,
    "requested_by" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'RUNNING',
    "total" INTEGER NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "skipped_reasons" TEXT[] NOT NULL DEFAULT '{}',
    "error" TEXT,
    "heartbeat_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "dead_letter_bulk_action_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "dead_letter_bulk_action_action_check" CHECK ("action" IN ('REPLAY', 'DISCARD')),
    CONSTRAINT "dead_letter_bulk_action_status_check" CHECK ("status" IN ('RUNNING', 'DONE', 'FAILED'))
);
CREATE INDEX "dead_letter_bulk_action_status_heartbeat_at_idx" ON "dead_letter_bulk_action"("status", "heartbeat_at");
CREATE INDEX "dead_letter_bulk_action_created_at_idx" ON "dead_letter_bulk_action"("created_at");
