'use client';

import { useEffect, useState } from 'react';
import { useTranslations } from 'next-intl';
import { useFormats } from '@/components/ui/formats';

/**
 * The store's wall clock (its time zone, not the device's): a tablet set to UTC, or a manager
 * abroad, still reads the time the shop keeps — the time on its receipts and menus. It hydrates
 * with the instant the server rendered (the markup matches, so React patches it when the browser's
 * first tick differs; a mismatch would leave the server's minute standing), then keeps it current.
 */
export function TenantClock({ timeZone, renderedAt }: { timeZone: string; renderedAt: string }) {
  const t = useTranslations('common');
  const formats = useFormats();
  const [now, setNow] = useState(() => new Date(renderedAt));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      setNow(new Date());
      timer = setTimeout(tick, 60_000 - (Date.now() % 60_000) + 50); // just after the next minute turns
    };
    tick();
    return () => clearTimeout(timer);
  }, []);
  return (
    <time dateTime={now.toISOString()} title={t('storeTime', { timeZone })} className="text-sm tabular-nums text-slate-600" data-testid="store-clock">
      {formats.dateTime(now, timeZone, 'time')}
    </time>
  );
}
