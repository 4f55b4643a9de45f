import { createPostgresPool } from '@food/service-kit';
import { PrismaPg } from '@prisma/adapter-pg';
import { env } from './env.js';
import { logger } from './logger.js';
import { PrismaClient, type Prisma } from './generated/prisma/client.js';

const pool = createPostgresPool({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE, logger });
export const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
export type Database = typeof db;
export type Transaction = Prisma.TransactionClient;
