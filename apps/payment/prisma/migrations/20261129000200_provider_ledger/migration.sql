-- The simulated provider's own record of what it charged, by the caller's idempotency key (the order id), as a
-- real provider keeps one: written outside the payment service's transaction, so it survives a crash of it.
CREATE TABLE "simulated_provider_charge" (
    "idempotency_key" TEXT NOT NULL,
    "order_id" UUID NOT NULL,
    "amount_cents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "decline_reason" TEXT,
    "message" TEXT,
    "reference" TEXT,
    "requests" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "simulated_provider_charge_pkey" PRIMARY KEY ("idempotency_key")
);
