import { z } from 'zod';

/** A string input whose errors read well after the field name: "email: is required", "name: must be a string". */
export function requiredString() {
  return z.string({
    error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string'),
  });
}
