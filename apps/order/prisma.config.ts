import { defineConfig } from 'prisma/config';

// Read by the Prisma CLI only (generate). Migrations are applied by `node dist/migrate.js`, with the Kafka runtime's
// (packages/kafka-runtime/prisma/migrations), which `prisma migrate deploy` would not see.
// The service itself reads DATABASE_URL through src/env.ts.
export default defineConfig({
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/order_db' },
});
