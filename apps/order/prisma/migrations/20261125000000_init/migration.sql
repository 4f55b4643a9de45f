-- Tables of @food/kafka-runtime (see runtime.prisma). Included in each service's first migration.
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

-- Order service tables.
CREATE TABLE "restaurant" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "cuisine" TEXT NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    CONSTRAINT "restaurant_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "menu_item" (
    "id" TEXT NOT NULL,
    "restaurant_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "price_cents" INTEGER NOT NULL,
    "available" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "menu_item_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "menu_item_price_cents_check" CHECK ("price_cents" >= 0)
);
CREATE INDEX "menu_item_restaurant_id_idx" ON "menu_item"("restaurant_id");

CREATE TABLE "customer_order" (
    "id" UUID NOT NULL,
    "user_id" TEXT NOT NULL,
    "restaurant_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "total_cents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "delivery_address" TEXT NOT NULL,
    "payment_method" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "request_fingerprint" TEXT NOT NULL,
    "cancellation_reason" TEXT,
    "cancellation_message" TEXT,
    "correlation_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "customer_order_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "customer_order_status_check" CHECK ("status" IN ('PENDING_PAYMENT', 'CONFIRMED', 'CANCELLED')),
    CONSTRAINT "customer_order_total_cents_check" CHECK ("total_cents" >= 0)
);
CREATE UNIQUE INDEX "customer_order_user_id_idempotency_key_key" ON "customer_order"("user_id", "idempotency_key");
CREATE INDEX "customer_order_user_id_created_at_idx" ON "customer_order"("user_id", "created_at");
CREATE INDEX "customer_order_status_created_at_idx" ON "customer_order"("status", "created_at");

CREATE TABLE "order_item" (
    "id" BIGSERIAL NOT NULL,
    "order_id" UUID NOT NULL,
    "menu_item_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit_price_cents" INTEGER NOT NULL,
    CONSTRAINT "order_item_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "order_item_quantity_check" CHECK ("quantity" > 0)
);
CREATE INDEX "order_item_order_id_idx" ON "order_item"("order_id");

CREATE TABLE "order_timeline_entry" (
    "id" BIGSERIAL NOT NULL,
    "order_id" UUID NOT NULL,
    "event_id" UUID,
    "event_type" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "status" TEXT,
    "note" TEXT,
    "payload" JSONB NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "order_timeline_entry_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "order_timeline_entry_order_id_id_idx" ON "order_timeline_entry"("order_id", "id");

ALTER TABLE "menu_item" ADD CONSTRAINT "menu_item_restaurant_id_fkey" FOREIGN KEY ("restaurant_id") REFERENCES "restaurant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "customer_order" ADD CONSTRAINT "customer_order_restaurant_id_fkey" FOREIGN KEY ("restaurant_id") REFERENCES "restaurant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "order_item" ADD CONSTRAINT "order_item_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "customer_order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "order_timeline_entry" ADD CONSTRAINT "order_timeline_entry_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "customer_order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
