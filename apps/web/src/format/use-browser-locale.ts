'use client';
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * The browser's locale once the page is running, null on the server and while hydrating: formatted text then
 * matches the server's HTML exactly, and switches to the reader's locale and time zone right after.
 */
export function useBrowserLocale(): string | null {
  return useSyncExternalStore(
    subscribe,
    () => navigator.language,
    () => null,
  );
}
