import pino from 'pino';

let stdout: pino.DestinationStream & { flushSync(): void } | undefined;

/**
 * The process's one JSON destination: standard output written asynchronously by sonic-boom, which gathers the lines
 * logged while a write is under way into the next write (a busy process logs many lines per turn of the event
 * loop). What is still buffered when the process exits is written synchronously on 'exit'.
 */
export function standardOutputDestination(): pino.DestinationStream {
  if (stdout) return stdout;
  const destination = pino.destination({ dest: 1, sync: false });
  process.on('exit', () => {
    try {
      destination.flushSync();
    } catch {
      // not open yet or already closed: nothing was buffered that could still be written
    }
  });
  stdout = destination;
  return destination;
}
