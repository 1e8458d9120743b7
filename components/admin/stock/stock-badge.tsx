import { useTranslations } from 'next-intl';

/** Out / Low as a word, not colour alone. */
export function StockBadge({ quantity, isLow }: { quantity: number; isLow: boolean }) {
  const t = useTranslations('admin.stock');
  if (quantity <= 0) {
    return <span className="inline-flex rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-800 ring-1 ring-red-300">{t('out')}</span>;
  }
  if (isLow) {
    return <span className="inline-flex rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-300">{t('low')}</span>;
  }
  return null;
}
