-- The two console searches that read every dead letter (~360-380 ms p95 with 10,000): payload text and a header
-- value under any name. A trigram index answers the payload's ILIKE (three characters or more); a GIN index over
-- the array of header values answers "some header has exactly this value" as containment.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "dead_letter_payload_text_trgm_idx" ON "dead_letter" USING GIN ((encode("value", 'escape')) gin_trgm_ops);
CREATE INDEX "dead_letter_header_values_idx" ON "dead_letter" USING GIN ((jsonb_path_query_array("headers", '$.*')) jsonb_path_ops);
