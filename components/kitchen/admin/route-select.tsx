import { useTranslations } from 'next-intl';
import type { SelectHTMLAttributes } from 'react';
import { controlClass } from '@/components/ui/field';

export type StationChoice = { id: string; name: string; isDefault: boolean };

/**
 * Where items go: `inherit` (for a category: the default station; for a product: its category's
 * station), a station, or `none` (no ticket). The label is the caller's.
 */
export function RouteSelect({
  stations,
  inheritLabel,
  ...props
}: { stations: StationChoice[]; inheritLabel: string } & SelectHTMLAttributes<HTMLSelectElement>) {
  const t = useTranslations('admin.kitchen');
  return (
    <select className={controlClass} {...props}>
      <option value="inherit">{inheritLabel}</option>
      {stations.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
      <option value="none">{t('noTicket')}</option>
    </select>
  );
}
