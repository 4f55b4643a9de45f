import { PrismaPg } from '@prisma/adapter-pg';
import { env } from './env.js';
import { PrismaClient, type Prisma } from './generated/prisma/client.js';

export const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE }) });
export type Database = typeof db;
export type Transaction = Prisma.TransactionClient;
