-- The admin order list is newest first over every customer: without this, 100,000 orders were sorted per page.
CREATE INDEX "customer_order_created_at_id_idx" ON "customer_order"("created_at", "id");
