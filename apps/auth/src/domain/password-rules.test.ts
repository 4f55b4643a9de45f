import { describe, expect, it } from 'vitest';
import { emailAddress } from './email-address.js';
import { newPassword, presentedPassword } from './password-rules.js';

function problemsOf(result: { success: boolean; error?: { issues: Array<{ message: string }> } }) {
  return result.success ? [] : (result.error?.issues.map((issue) => issue.message) ?? []);
}

describe('new password rules', () => {
  it.each(['correct horse battery', 'Tr0ub4dor&3x', 'pässwörd-ok!', '0123456789a'])(
    'accepts %j',
    (password) => {
      expect(problemsOf(newPassword.safeParse(password))).toEqual([]);
    },
  );

  it.each([
    ['short1!', /at least 10 characters/],
    ['abcdefghijkl', /letters only/],
    ['ÄÖÜäöüßéèêë', /letters only/],
    ['12345678901', /digits only/],
    ['aaaaaaaaa1', /at least 4 different characters/],
    ['x'.repeat(201), /at most 200 characters/],
  ])('refuses %j', (password, message) => {
    expect(problemsOf(newPassword.safeParse(password)).join('; ')).toMatch(message);
  });

  it('at login only bounds the length (old passwords predate today’s rules)', () => {
    expect(presentedPassword.safeParse('abc').success).toBe(true);
    expect(presentedPassword.safeParse('').success).toBe(false);
    expect(presentedPassword.safeParse('x'.repeat(201)).success).toBe(false);
  });
});

describe('email addresses', () => {
  it('are trimmed and lower-cased', () => {
    expect(emailAddress.parse('  Ada.Lovelace@Example.COM ')).toBe('ada.lovelace@example.com');
  });

  it.each([
    ['not-an-email', /valid email address/],
    [`${'a'.repeat(250)}@x.io`, /at most 254 characters/],
    [undefined, /is required/],
    [42, /must be a string/],
  ])('refuses %j', (input, message) => {
    expect(problemsOf(emailAddress.safeParse(input)).join('; ')).toMatch(message);
  });
});
