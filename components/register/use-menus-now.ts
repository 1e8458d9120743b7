'use client';

import { useEffect, useMemo, useState } from 'react';
import { menusInOrderAt } from '@/lib/restaurant/availability';
import type { RegisterMenu } from './types';

/**
 * The register's menus as the clock moves: which are offered now and in what order, re-checked
 * on the store's clock at every minute (a tablet left open all day moves from Breakfast to Lunch
 * on its own) and when the screen comes back from sleep. The instant is the device's (kept by
 * the network), the zone always the tenant's. Until the first check in the browser it is the
 * server's answer, so the page hydrates as it was rendered.
 */
export function useMenusNow(menus: RegisterMenu[], timeZone: string): RegisterMenu[] {
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      clearTimeout(timer);
      setNow(new Date());
      timer = setTimeout(tick, 60_000 - (Date.now() % 60_000) + 50); // just after the minute turns
    };
    const onVisible = () => document.visibilityState === 'visible' && tick();
    tick();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);
  return useMemo(
    () => (now ? menusInOrderAt(menus.map((m) => ({ ...m, isActive: true })), now, timeZone).map(({ isActive: _, ...m }) => m) : menus),
    [menus, now, timeZone],
  );
}
