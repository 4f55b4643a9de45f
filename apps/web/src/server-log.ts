import { createLogger, type LogFields, type Logger } from '@food/service-kit/logger';
import { env } from './env';

let logger: Logger | undefined;

// Created on the first line rather than at import: `next build` loads the modules that log without the settings.
const web = () =>
  (logger ??= createLogger('web', { level: env.LOG_LEVEL, format: env.LOG_FORMAT }));

/** The web app's server-side log: the platform's logger (one JSON line per event, or pretty in a terminal). */
export const serverLog = {
  info: (message: string, fields?: LogFields) => web().info(message, fields),
  warn: (message: string, fields?: LogFields) => web().warn(message, fields),
  error: (message: string, fields?: LogFields) => web().error(message, fields),
};
