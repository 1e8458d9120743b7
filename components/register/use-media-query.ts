'use client';

import { useSyncExternalStore } from 'react';

/** Whether a CSS media query matches now (false while rendering on the server). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** Below Tailwind's `md` (48rem): a phone, where the cart is a sheet over the products. */
export const PHONE_QUERY = '(width < 48rem)';
