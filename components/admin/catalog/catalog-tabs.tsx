'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { usePathname } from 'next/navigation';

const tabs = [
  { href: '/admin/catalog', label: 'tabProducts', also: '/admin/catalog/products' },
  { href: '/admin/catalog/categories', label: 'tabCategories' },
  { href: '/admin/catalog/modifiers', label: 'tabModifiers' },
  { href: '/admin/catalog/taxes', label: 'tabTaxes' },
  { href: '/admin/catalog/discounts', label: 'tabDiscounts' },
  { href: '/admin/catalog/import', label: 'tabImport' },
] as const;

/** The catalog's sub-navigation (public paths; the browser never sees /t/<slug>). */
export function CatalogTabs() {
  const t = useTranslations('admin.catalog');
  const pathname = usePathname().replace(/^\/t\/[^/]+/, '') || '/';
  return (
    <nav aria-label={t('nav')} className="-mx-1 overflow-x-auto border-b border-slate-200">
      <ul className="flex min-w-max gap-1 px-1">
        {tabs.map((tab) => {
          const active = pathname === tab.href || ('also' in tab ? pathname.startsWith(tab.also) : pathname.startsWith(`${tab.href}/`));
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={active ? 'page' : undefined}
                className={`-mb-px inline-flex min-h-11 items-center border-b-2 px-3 text-sm font-medium whitespace-nowrap ${
                  active ? 'border-brand-600 text-brand-900' : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900'
                }`}
              >
                {t(tab.label)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
