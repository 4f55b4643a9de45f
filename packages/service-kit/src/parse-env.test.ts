import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv, portSetting } from './parse-env.js';

const schema = z.object({
  PORT: portSetting(4002),
  DATABASE_URL: z.url(),
  LOG_LEVEL: z.enum(['info', 'debug']).default('info'),
});

describe('parseEnv', () => {
  it('applies defaults and coerces numbers', () => {
    expect(parseEnv(schema, { DATABASE_URL: 'postgresql://localhost/x' })).toEqual({
      PORT: 4002,
      DATABASE_URL: 'postgresql://localhost/x',
      LOG_LEVEL: 'info',
    });
  });

  it('names every bad or missing variable in one error', () => {
    const attempt = () => parseEnv(schema, { PORT: 'eighty', LOG_LEVEL: 'loud' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT:[\s\S]*DATABASE_URL:[\s\S]*LOG_LEVEL:/);
  });

  it('treats an empty variable as unset', () => {
    expect(parseEnv(schema, { PORT: '', DATABASE_URL: 'postgresql://localhost/x' }).PORT).toBe(4002);
  });
});
