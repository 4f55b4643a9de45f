'use client';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';

/**
 * Filters kept in the page's query string, so a filtered view can be shared, reloaded and navigated back to.
 * Empty values are left out of the URL. Pass `keys` as a module-level constant (its identity is a dependency).
 */
export function useUrlFilters<TKey extends string>(keys: readonly TKey[]) {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const query = searchParams.toString();
  const filters = useMemo(() => {
    const params = new URLSearchParams(query);
    return Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ''])) as Record<
      TKey,
      string
    >;
  }, [query, keys]);
  const setFilters = useCallback(
    (next: Partial<Record<TKey, string>>) => {
      const params = new URLSearchParams(query);
      for (const [key, value] of Object.entries(next) as Array<[TKey, string | undefined]>) {
        if (value) params.set(key, value);
        else params.delete(key);
      }
      const search = params.toString();
      router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
    },
    [query, pathname, router],
  );
  return [filters, setFilters] as const;
}
