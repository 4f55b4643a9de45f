import { defineConfig } from 'prisma/config';

// Read by the Prisma CLI only (generate; and `migrate deploy` on machines with Prisma's schema engine).
// The service itself reads DATABASE_URL through src/env.ts.
export default defineConfig({
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/auth_db' },
});
