'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { useTenantEvents } from '@/components/live/use-tenant-events';

/** Events after which the dashboard's figures or side panels may have moved. */
const REFRESH_ON = ['SalesFiguresChanged', 'OrderPlaced', 'OrderVoided', 'LowStock', 'StockChanged', 'PaymentFailed'];
const SETTLE_MS = 400;

/**
 * Keeps the dashboard live without a reload: on a domain event of the tenant it asks the
 * server to render the page again (router.refresh keeps scroll, focus and the chosen range).
 * A burst of events (a busy lunch) becomes one refresh. SalesFiguresChanged is emitted once
 * the rollups moved, so the re-render sees the new sale.
 */
export function LiveRefresh() {
  const t = useTranslations('admin.live');
  const router = useRouter();
  const pending = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(pending.current), []);
  const connected = useTenantEvents(REFRESH_ON, () => {
    clearTimeout(pending.current);
    pending.current = setTimeout(() => router.refresh(), SETTLE_MS);
  });

  return (
    <p className="flex items-center gap-2 text-sm text-slate-600" role="status" data-testid="live-status">
      <span aria-hidden className={`inline-block size-2 rounded-full ${connected ? 'bg-emerald-500' : 'bg-slate-300'}`} />
      {connected ? t('live') : t('connecting')}
    </p>
  );
}
