import pino from 'pino';

let stdout: pino.DestinationStream | undefined;

/**
 * The process's one JSON destination: standard output through sonic-boom, written asynchronously. The lines of one
 * turn of the event loop go in one write (a busy process logs many lines a turn, and a write per line was a
 * measurable share of its CPU); sonic-boom gathers what comes while a write is under way into the next. What is
 * still pending when the process exits is written synchronously on 'exit'.
 */
export function standardOutputDestination(): pino.DestinationStream {
  if (stdout) return stdout;
  const sonic = pino.destination({ dest: 1, sync: false });
  let pending = '';
  const writePending = () => {
    if (pending === '') return;
    sonic.write(pending);
    pending = '';
  };
  process.on('exit', () => {
    writePending();
    try {
      sonic.flushSync();
    } catch {
      // not open yet or already closed: nothing was buffered that could still be written
    }
  });
  stdout = {
    write(line: string) {
      if (pending === '') setImmediate(writePending);
      pending += line;
    },
  };
  return stdout;
}
