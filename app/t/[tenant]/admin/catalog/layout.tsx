import { getTranslations } from 'next-intl/server';
import { CatalogTabs } from '@/components/admin/catalog/catalog-tabs';

/** Every catalog screen: the sub-navigation, then the page (the admin layout checked the role). */
export default async function CatalogLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations('admin.catalog');
  return (
    <div className="max-w-6xl space-y-6">
      <div>
        <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">{t('eyebrow')}</p>
        <CatalogTabs />
      </div>
      {children}
    </div>
  );
}
