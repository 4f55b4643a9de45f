-- A dead letter is identified by its x-dlq-id: a recreated DLQ topic starts its offsets again, so the DLQ
-- position can repeat and must not decide whether a dead letter is new.
DROP INDEX "dead_letter_dlq_topic_dlq_partition_dlq_offset_key";
CREATE INDEX "dead_letter_dlq_topic_dlq_partition_dlq_offset_idx" ON "dead_letter"("dlq_topic", "dlq_partition", "dlq_offset");
