import { createPostgresPool, type Logger } from '@food/service-kit';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from './generated/prisma/client.js';

/** The Prisma client of the service's database (order_db, or a test's own database), with `poolSize` connections. */
export function createDatabase(connectionString: string, logger: Logger, poolSize?: number) {
  const pool = createPostgresPool({ connectionString, max: poolSize, logger });
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
}

export type Database = PrismaClient;
export type Transaction = Prisma.TransactionClient;
