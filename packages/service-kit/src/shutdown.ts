import type { Logger } from './logger.js';

type Closer = () => Promise<void> | void;

/**
 * Runs the closers in reverse order of registration on SIGTERM or SIGINT (stop intake first, then the
 * resources it used), then exits. A second signal exits at once.
 */
export function handleShutdownSignals(logger: Logger) {
  const closers: Array<{ name: string; close: Closer }> = [];
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    logger.info('shutting down', { signal });
    for (const { name, close } of closers.reverse()) {
      try {
        await close();
      } catch (error) {
        logger.error('shutdown step failed', { step: name, error });
      }
    }
    logger.info('stopped', { signal });
    process.exit(0);
  };
  process.on('SIGTERM', (signal) => void stop(signal));
  process.on('SIGINT', (signal) => void stop(signal));
  return {
    onShutdown(name: string, close: Closer) {
      closers.push({ name, close });
    },
  };
}
