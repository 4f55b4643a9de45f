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
