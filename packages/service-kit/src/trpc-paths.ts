/**
 * The procedure paths a request under /trpc/ names, read as tRPC reads them (URL-decoded, then split on commas), so
 * `order.create%2Corder.create` is the batch of two it is. A path tRPC cannot decode is one (it answers it 400).
 */
export function procedurePathsOf(pathname: string): string[] {
  const encoded = pathname.slice('/trpc/'.length);
  try {
    return decodeURIComponent(encoded).split(',');
  } catch {
    return [encoded];
  }
}
