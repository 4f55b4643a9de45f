-- The payment that settled an order, and a flag for an operator when a payment event contradicts the order
-- (amount, currency or customer differ; a second payment for a settled order).
ALTER TABLE "customer_order" ADD COLUMN "payment_id" UUID;
ALTER TABLE "customer_order" ADD COLUMN "attention" TEXT;
ALTER TABLE "customer_order" ADD COLUMN "attention_note" TEXT;
CREATE INDEX "customer_order_attention_idx" ON "customer_order"("attention") WHERE "attention" IS NOT NULL;
