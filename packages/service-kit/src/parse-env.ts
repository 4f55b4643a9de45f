import { z } from 'zod';
import { logFormats, logLevels } from './logger.js';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Parses settings with a zod object schema whose keys are the variable names.
 * A bad or missing setting throws one error that names every offending variable.
 */
export function parseEnv<Schema extends z.ZodObject>(
  schema: Schema,
  source: Record<string, string | undefined>,
): z.infer<Schema> {
  // Treat empty strings as unset, so `FOO= npm start` falls back to the default.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(root)';
    return `  ${name}: ${issue.message}`;
  });
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

/** Loads the config once at start; on error prints the message and exits, so a service never runs half-configured. */
export function loadConfigOrExit<Schema extends z.ZodObject>(
  schema: Schema,
  source: Record<string, string | undefined>,
): z.infer<Schema> {
  try {
    return parseEnv(schema, source);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

export const portSetting = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
export const logLevelSetting = z.enum(logLevels).default('info');
/** A person reads a terminal, a program reads the rest: pretty by default only when standard output is a terminal. */
export const logFormatSetting = z.enum(logFormats).default(process.stdout.isTTY ? 'pretty' : 'json');
