/**
 * The slice of a Prisma client (or its interactive-transaction client) that the runtime uses. Every service's
 * generated client satisfies it, so the runtime writes to the service's own transaction without knowing its models.
 */
export interface SqlClient {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

export interface TransactionalDatabase<Tx extends SqlClient = SqlClient> extends SqlClient {
  $transaction<R>(run: (tx: Tx) => Promise<R>, options?: { maxWait?: number; timeout?: number }): Promise<R>;
}
