import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from './generated/prisma/client.js';

/** The Prisma client of the service's database (auth_db, or a test's own database). */
export function createDatabase(connectionString: string) {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

export type Database = PrismaClient;
export type Transaction = Prisma.TransactionClient;
