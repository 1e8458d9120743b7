'use client';

import { useTranslations } from 'next-intl';
import type { CardState } from './use-card-status';

/**
 * While the card gateway's circuit is open: a prominent "take cash" banner. It mounts once
 * with role="alert" (announced once, not on every poll) and disappears when cards work again.
 */
export function CardStatusBanner({ state }: { state: CardState }) {
  const t = useTranslations('payment');
  if (state === 'closed') return null;
  if (state === 'half_open') {
    return (
      <div role="status" className="border-b border-amber-300 bg-amber-50 px-4 py-1.5 text-sm font-semibold text-amber-950" data-testid="card-banner">
        <span aria-hidden="true">◐ </span>{t('bannerComingBack')}
      </div>
    );
  }
  return (
    <div role="alert" className="flex items-center gap-3 border-b-2 border-red-800 bg-red-700 px-4 py-2 text-white" data-testid="card-banner">
      <span aria-hidden="true" className="text-xl">
        ⚠
      </span>
      <p className="font-bold">{t('bannerUnavailable')}</p>
      <p className="text-sm text-red-50">{t('bannerNotAnswering')}</p>
    </div>
  );
}
