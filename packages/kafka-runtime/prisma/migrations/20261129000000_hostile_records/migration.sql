-- A replayed or dead-lettered message keeps its key exactly: its bytes, and null when it had none.
ALTER TABLE "outbox_event" ALTER COLUMN "message_key" DROP NOT NULL;
ALTER TABLE "outbox_event" ALTER COLUMN "message_key" TYPE BYTEA USING convert_to("message_key", 'UTF8');
ALTER TABLE "dead_letter" ADD COLUMN "key_bytes" BYTEA;

-- Where each partition's work last started and how often it started there without moving on: a message that
-- kills its process is found after restarts and dead-lettered (KILLED_PROCESS).
CREATE TABLE "consumer_in_flight" (
    "consumer_group" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "partition" INTEGER NOT NULL,
    "start_offset" BIGINT NOT NULL,
    "starts" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "consumer_in_flight_pkey" PRIMARY KEY ("consumer_group","topic","partition")
);
