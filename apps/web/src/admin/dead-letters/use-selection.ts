'use client';
import { useState } from 'react';
import type { ServiceDeadLetter } from './dead-letter-types';

/** Selection belongs to one filter (its scope): changing the filter starts a new one. Rows that left the list drop out. */
export function useSelection(rows: ServiceDeadLetter[], scope: string) {
  const [selection, setSelection] = useState<{ scope: string; keys: ReadonlySet<string> }>({
    scope,
    keys: new Set(),
  });
  const selectedRows =
    selection.scope === scope ? rows.filter((row) => selection.keys.has(row.key)) : [];
  const selectedKeys = new Set(selectedRows.map((row) => row.key));
  const select = (keys: Iterable<string>) => setSelection({ scope, keys: new Set(keys) });
  const toggle = (key: string) =>
    select(
      selectedKeys.has(key)
        ? [...selectedKeys].filter((other) => other !== key)
        : [...selectedKeys, key],
    );
  return { selectedRows, selectedKeys, select, toggle };
}
