import { CatalogTabs } from '@/components/admin/catalog/catalog-tabs';

/** Every catalog screen: the sub-navigation, then the page (the admin layout checked the role). */
export default function CatalogLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="max-w-6xl space-y-6">
      <div>
        <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">Catalog</p>
        <CatalogTabs />
      </div>
      {children}
    </div>
  );
}
