/**
 * Kafka allows a header without a value, and kafkajs encodes one (length -1), but its size count calls
 * `Buffer.byteLength(null)` and throws first. This lets a test write such a record, as any other client can:
 * for the duration of `send`, a missing value counts as 0 bytes.
 */
export async function sendAllowingNullHeaders<T>(send: () => Promise<T>): Promise<T> {
  const byteLength = Buffer.byteLength;
  Buffer.byteLength = ((value: Parameters<typeof byteLength>[0], encoding?: BufferEncoding) =>
    value === null || value === undefined
      ? 0
      : byteLength(value, encoding)) as typeof Buffer.byteLength;
  try {
    return await send();
  } finally {
    Buffer.byteLength = byteLength;
  }
}
