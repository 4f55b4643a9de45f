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
