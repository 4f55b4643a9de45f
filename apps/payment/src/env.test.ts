import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseEnv } from '@food/service-kit';
import { describe, expect, it } from 'vitest';
import { envSchema } from './env.js';

const tooShort = { KAFKA_TOPIC_RETENTION_HOURS: '240', PROCESSED_EVENT_RETENTION_HOURS: '241' };
const why =
  /PROCESSED_EVENT_RETENTION_HOURS: is 241, but must be at least 242: topics keep records for KAFKA_TOPIC_RETENTION_HOURS \(240\) and up to 2 h more, and an event re-read after its processed_event row was purged would be applied twice/;

describe('payment settings: retention', () => {
  it('default to a dedupe window (336 h) that outlasts the topics (168 h), and keep published outbox rows 168 h', () => {
    expect(parseEnv(envSchema, {})).toMatchObject({
      KAFKA_TOPIC_RETENTION_HOURS: 168,
      PROCESSED_EVENT_RETENTION_HOURS: 336,
      OUTBOX_RETENTION_HOURS: 168,
      RETENTION_PURGE_INTERVAL_SECONDS: 600,
    });
  });

  it('refuse a dedupe window that ends while a record it covers can still be read, and say why', () => {
    expect(() => parseEnv(envSchema, tooShort)).toThrow(why);
    expect(
      parseEnv(envSchema, { ...tooShort, PROCESSED_EVENT_RETENTION_HOURS: '242' })
        .PROCESSED_EVENT_RETENTION_HOURS,
    ).toBe(242);
  });

  it('stop the service at start with that reason (exit 78) before it touches anything', () => {
    const main = fileURLToPath(new URL('./main.ts', import.meta.url));
    const started = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', main], {
      env: { PATH: process.env.PATH, ...tooShort },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(started.stderr).toMatch(why);
    expect(started.status).toBe(78);
  }, 90_000);
});
