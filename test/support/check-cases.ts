import { describe, expect, it } from 'vitest';

/** A check of a configuration (the compose file, the cluster's manifests) and how to break a copy so it must fail. */
export interface CheckCase<Subject> {
  check: (subject: Subject) => string[];
  /** How the broken copy is broken. */
  breakage: string;
  breakIt: (broken: Subject) => void;
}

/** Each check finds no problem in the real configuration, and finds the one broken on purpose in a copy. */
export function describeCheckCases<Subject>(cases: Record<string, CheckCase<Subject>>, subject: Subject) {
  describe.each(Object.entries(cases))('%s', (_name, { check, breakage, breakIt }) => {
    it('finds no problem', () => {
      expect(check(subject).join('\n')).toBe('');
    });

    it(`finds the problem when ${breakage}`, () => {
      const broken = structuredClone(subject);
      breakIt(broken);
      expect(check(broken).length).toBeGreaterThan(0);
    });
  });
}
