'use client';

import { useEffect, useRef, useState } from 'react';
import { deviceStore, forgetCart, readCart, writeCart } from './cart-storage';
import type { CartState } from './use-cart';

/**
 * Keeps the sale being rung up on this device (cart-storage.ts) under `storageKey` (tenant +
 * register; null until the register's name is known). What was kept comes back once per key
 * through `restore`, which may drop what can no longer be sold (null: nothing to bring back).
 *
 * Only a cart that is not yet an order is kept (`keep`): once checked out, the order is on the
 * server and use-sale brings it back while it waits for money — a kept copy of a paid sale
 * would come back after a reload and could be sold twice. A register whose name changes takes
 * its cart along, unless the new name has one of its own.
 */
export function useKeptCart({
  cart,
  load,
  storageKey,
  keep,
  restore,
}: {
  cart: CartState;
  load: (state: CartState) => void;
  storageKey: string | null;
  keep: boolean;
  restore: (kept: CartState) => CartState | null;
}) {
  const [readKey, setReadKey] = useState<string | null>(null);
  const previousKey = useRef<string | null>(null);
  const latest = useRef({ load, restore });
  useEffect(() => {
    latest.current = { load, restore };
  });

  useEffect(() => {
    if (!storageKey) return;
    const store = deviceStore();
    const kept = store && readCart(store, storageKey);
    const back = kept && latest.current.restore(kept);
    if (back) latest.current.load(back);
    else if (store && previousKey.current && previousKey.current !== storageKey) forgetCart(store, previousKey.current);
    previousKey.current = storageKey;
    setReadKey(storageKey);
  }, [storageKey]);

  useEffect(() => {
    // Not before the kept cart was read: the empty first render would wipe it.
    const store = deviceStore();
    if (!store || !storageKey || readKey !== storageKey) return;
    if (keep) writeCart(store, storageKey, cart);
    else forgetCart(store, storageKey);
  }, [cart, keep, storageKey, readKey]);
}
