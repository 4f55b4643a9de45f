import { z } from 'zod';
import { requiredString } from './required-string.js';

export const maxEmailLength = 254;

/** An email address as the service stores and compares it: trimmed and lower-cased. */
export const emailAddress = requiredString()
  .max(maxEmailLength, { message: `must be at most ${maxEmailLength} characters`, abort: true })
  .trim()
  .toLowerCase()
  .pipe(z.email('must be a valid email address, like name@example.com'));
