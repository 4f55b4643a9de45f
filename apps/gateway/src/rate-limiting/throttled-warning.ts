import type { LogFields, Logger } from '@food/service-kit';

/**
 * Logs a warning at most once per interval and counts the ones it held back, so an outage that every request
 * runs into writes one line per interval instead of one per request.
 */
export function createThrottledWarning(logger: Logger, message: string, intervalMs: number) {
  let lastLoggedAt = Number.NEGATIVE_INFINITY;
  let suppressed = 0;
  return (fields: LogFields = {}) => {
    const now = performance.now();
    if (now - lastLoggedAt < intervalMs) {
      suppressed += 1;
      return;
    }
    logger.warn(message, { ...fields, suppressedSinceLastWarning: suppressed });
    lastLoggedAt = now;
    suppressed = 0;
  };
}
