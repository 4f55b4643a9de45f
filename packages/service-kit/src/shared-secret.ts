import { createHash, timingSafeEqual } from 'node:crypto';
import { minimumSharedSecretLength } from '@food/contracts';
import { z } from 'zod';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether a request header carries exactly `secret`; compared in constant time (digests, so lengths match). */
export function presentsSecret(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== 'string') return false;
  return timingSafeEqual(digest(header), digest(secret));
}

/** A shared-secret setting (GATEWAY_SECRET, PROXY_SECRET); optional in the schema, see each app's env.ts. */
export const sharedSecretSetting = z
  .string()
  .min(minimumSharedSecretLength, `must be at least ${minimumSharedSecretLength} characters`)
  .optional();
