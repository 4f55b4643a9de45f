/** A `datetime-local` input's value (the reader's local time) as an ISO instant, or undefined when empty or invalid. */
export function isoFromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
