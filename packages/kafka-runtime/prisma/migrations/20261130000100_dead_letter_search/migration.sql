-- Dead letters are searched by key (an order id), event id and header values, and listed newest first. The key
-- index is a hash: a key can be near the broker's size limit, past what a btree entry holds (8 KiB).
CREATE INDEX "dead_letter_message_key_idx" ON "dead_letter" USING HASH ("message_key");
CREATE INDEX "dead_letter_event_id_idx" ON "dead_letter"("event_id");
CREATE INDEX "dead_letter_headers_idx" ON "dead_letter" USING GIN ("headers" jsonb_path_ops);
CREATE INDEX "dead_letter_failed_at_id_idx" ON "dead_letter"("failed_at", "id");
