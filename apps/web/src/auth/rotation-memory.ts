import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Rotation } from './session-refresher';

/**
 * Where the rotations of refresh tokens are remembered, keyed by a hash of the token each consumed: a request that
 * still carries a consumed token follows the rotation instead of refreshing again (which auth takes for theft).
 */
export interface RotationMemory {
  /** The rotation that consumed this token, finished or under way, if one is known. */
  recall(key: string): Promise<Rotation | undefined>;
  /** Runs `rotate` unless a rotation of this token is known or under way somewhere; answers the one that ran. */
  rotateOnce(key: string, rotate: () => Promise<Rotation>): Promise<Rotation>;
}

/** One process's memory: enough for one web process (or sticky sessions). */
export function processRotationMemory(rememberMs = 120_000): RotationMemory {
  const rotations = new Map<string, Promise<Rotation>>();
  return {
    recall: async (key) => rotations.get(key),
    rotateOnce(key, rotate) {
      const known = rotations.get(key);
      if (known) return known;
      const rotation = rotate();
      rotations.set(key, rotation);
      void rotation.then((outcome) => {
        // A failed call is not remembered: the next request tries again.
        if (outcome.kind === 'unavailable') rotations.delete(key);
        else setTimeout(() => rotations.delete(key), rememberMs).unref?.();
      });
      return rotation;
    },
  };
}

export interface SharedRotationOptions {
  /** Seals the tokens kept in Redis (the web app's NEXTAUTH_SECRET). */
  secret: string;
  keyPrefix?: string;
  rememberMs?: number;
  /** How long a request waits for a rotation another instance has under way. */
  waitMs?: number;
  /** How long a request waits for a client that is still making its first connection. */
  connectWaitMs?: number;
  onRedisError: (error: unknown) => void;
}

const underWay = 'under-way';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Every web instance's memory, in Redis: an instance claims a token's rotation (SET NX), the others wait for its
 * outcome, sealed with AES-256-GCM since it holds tokens. When Redis fails, each process falls back on its own
 * memory (as one web process would be), so Redis being down costs no sign-in that a single instance keeps.
 */
export function sharedRotationMemory(redis: Redis, options: SharedRotationOptions): RotationMemory {
  const {
    keyPrefix = 'web:rotation:',
    rememberMs = 120_000,
    waitMs = 10_000,
    connectWaitMs = 2_000,
    onRedisError,
  } = options;
  const local = processRotationMemory(rememberMs);
  const seal = sealer(options.secret);
  const redisKey = (key: string) => `${keyPrefix}${key}`;
  // A client still making its first connection (an instance that just started) is waited for, briefly: answering
  // from this process's memory alone would refresh a token another instance may have consumed.
  const connected = () =>
    ['connecting', 'connect'].includes(redis.status)
      ? new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            redis.off('ready', done);
            resolve();
          };
          const timer = setTimeout(done, connectWaitMs);
          redis.once('ready', done);
        })
      : Promise.resolve();

  const read = async (key: string): Promise<Rotation | typeof underWay | undefined> => {
    await connected();
    const value = await redis.get(redisKey(key));
    if (value === null) return undefined;
    return value === underWay ? underWay : (JSON.parse(seal.open(value)) as Rotation);
  };
  const awaitOther = async (key: string): Promise<Rotation> => {
    for (const deadline = Date.now() + waitMs; Date.now() < deadline; await sleep(50)) {
      const seen = await read(key);
      // Gone: the other instance could not reach auth either; the next request tries again.
      if (seen === undefined) return { kind: 'unavailable' };
      if (seen !== underWay) return seen;
    }
    return { kind: 'unavailable' };
  };
  const remember = async (key: string, outcome: Rotation) => {
    if (outcome.kind === 'unavailable') await redis.del(redisKey(key));
    else await redis.set(redisKey(key), seal.close(JSON.stringify(outcome)), 'PX', rememberMs);
  };

  return {
    async recall(key) {
      const known = await local.recall(key);
      if (known) return known;
      try {
        const seen = await read(key);
        return seen === underWay ? await awaitOther(key) : seen;
      } catch (error) {
        onRedisError(error);
        return undefined;
      }
    },
    rotateOnce: (key, rotate) =>
      local.rotateOnce(key, async () => {
        let claimed: boolean;
        try {
          await connected();
          claimed = (await redis.set(redisKey(key), underWay, 'PX', waitMs, 'NX')) === 'OK';
        } catch (error) {
          onRedisError(error);
          return rotate();
        }
        if (!claimed) return awaitOther(key);
        const outcome = await rotate();
        await remember(key, outcome).catch(onRedisError);
        return outcome;
      }),
  };
}

function sealer(secret: string) {
  const key = Buffer.from(hkdfSync('sha256', secret, '', 'food web: refresh rotations', 32));
  return {
    close(text: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
    },
    open(value: string): string {
      const bytes = Buffer.from(value, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}
