import { requiredString } from './required-string.js';

export const passwordRules = { minLength: 10, maxLength: 200, minDistinctCharacters: 4 } as const;

const onlyLetters = /^\p{L}+$/u;
const onlyDigits = /^\p{Nd}+$/u;

/**
 * A new password: 10 to 200 characters, not letters only, not digits only, and at least 4 different characters.
 * Length matters most; the other rules only refuse the patterns guessed first (`abcdefghij`, `1234567890`,
 * `aaaaaaaaa1`). Passphrases with spaces pass.
 */
export const newPassword = requiredString()
  .min(passwordRules.minLength, `must be at least ${passwordRules.minLength} characters`)
  .max(passwordRules.maxLength, {
    message: `must be at most ${passwordRules.maxLength} characters`,
    abort: true,
  })
  .refine(
    (value) => !onlyLetters.test(value),
    'must not be letters only: add a digit, space or symbol',
  )
  .refine(
    (value) => !onlyDigits.test(value),
    'must not be digits only: add a letter, space or symbol',
  )
  .refine(
    (value) => new Set(value).size >= passwordRules.minDistinctCharacters,
    `must use at least ${passwordRules.minDistinctCharacters} different characters`,
  );

/** A password presented at login: only bounded, since the rules may have changed since it was chosen. */
export const presentedPassword = requiredString()
  .min(1, 'is required')
  .max(passwordRules.maxLength, `must be at most ${passwordRules.maxLength} characters`);
