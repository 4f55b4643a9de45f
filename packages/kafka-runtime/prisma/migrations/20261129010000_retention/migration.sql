-- The retention purge finds rows past their retention by these columns (docs/architecture.md, "Retention").
CREATE INDEX "outbox_event_published_at_idx" ON "outbox_event"("published_at");
CREATE INDEX "processed_event_processed_at_idx" ON "processed_event"("processed_at");
