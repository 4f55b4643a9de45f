/** What a request under /trpc/ asks for: its procedure paths, and whether the client batched them. */
export interface TrpcCall {
  /**
   * Every comma-separated path, batch or not: without `?batch=1` tRPC would read `a,b` as one (unknown) procedure,
   * but the gateway judges each part, so a comma can never smuggle a private procedure past the public check.
   */
  procedures: string[];
  /** tRPC marks a batch with `?batch=1` and expects an array with one answer per procedure. */
  isBatch: boolean;
}

/** No procedures: what an error answer uses when a request names none that can be answered one by one. */
export const noCall: TrpcCall = { procedures: [], isBatch: false };

export type TrpcCallParse =
  | { kind: 'call'; call: TrpcCall }
  | { kind: 'malformed'; status: 'BAD_REQUEST' | 'NOT_FOUND'; message: string };

/** Reads the procedure paths of a request under /trpc/ (`/trpc/order.list,order.get?batch=1`). */
export function parseTrpcCall(url: URL): TrpcCallParse {
  const isBatch = url.searchParams.get('batch') === '1';
  try {
    const procedures = decodeURIComponent(url.pathname.replace(/^\/trpc\/?/, ''))
      .split(',')
      .filter(Boolean);
    return { kind: 'call', call: { procedures, isBatch } };
  } catch {
    return {
      kind: 'malformed',
      status: 'BAD_REQUEST',
      message: 'the procedure path is not valid percent-encoding',
    };
  }
}
