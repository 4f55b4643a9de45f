import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from './generated/prisma/client.js';

/** The Prisma client of the service's database (auth_db, or a test's own database), with `poolSize` connections. */
export function createDatabase(connectionString: string, poolSize?: number) {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: poolSize }) });
}

export type Database = PrismaClient;
export type Transaction = Prisma.TransactionClient;
