export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The first value of a search parameter, if any. */
export function searchParam(
  params: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}
