import { defineConfig } from 'prisma/config';

// The runtime's own Prisma schema exists for its tests only (services link runtime.prisma into theirs).
export default defineConfig({
  schema: 'test/prisma/schema',
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/kafka_runtime_test' },
});
