import { useTranslations } from 'next-intl';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { LocationSwitcher } from './location-switcher';

/** Heading, location choice and back link shared by the receive / adjust / count / transfer pages. */
export function OperationShell({
  title,
  intro,
  path,
  location,
  locations,
  children,
}: {
  title: string;
  intro: ReactNode;
  path: string;
  location: { id: string; name: string };
  locations: { id: string; name: string; isDefault?: boolean }[];
  children: ReactNode;
}) {
  const t = useTranslations('admin.stockPlaces');
  return (
    <div className="max-w-4xl space-y-6">
      <p>
        <Link href={`/admin/stock?location=${location.id}`} className="text-sm font-semibold text-brand-700 underline">
          {t('backToStock')}
        </Link>
      </p>
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{title}</h1>
          <p className="text-slate-600">{intro}</p>
        </div>
        {locations.length > 1 && <LocationSwitcher action={path} locations={locations} current={location.id} />}
      </header>
      {children}
    </div>
  );
}
