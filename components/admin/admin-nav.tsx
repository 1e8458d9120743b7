'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { usePathname } from 'next/navigation';

const links = [
  { href: '/admin', label: 'dashboard' },
  { href: '/admin/orders', label: 'orders' },
  { href: '/admin/customers', label: 'customers' },
  { href: '/admin/reports', label: 'reports' },
  { href: '/admin/shifts', label: 'shifts' },
  { href: '/admin/assistant', label: 'assistant', needs: 'assistant' },
  { href: '/admin/catalog', label: 'catalog' },
  { href: '/admin/stock', label: 'stock' },
  { href: '/admin/menus', label: 'menus' },
  { href: '/admin/tables', label: 'tables' },
  { href: '/admin/kitchen', label: 'kitchen' },
  { href: '/admin/staff', label: 'staff' },
  { href: '/admin/settings', label: 'settings' },
  { href: '/admin/audit', label: 'audit' },
  { href: '/admin/developers', label: 'developers', needs: 'developers' },
] as const;

/**
 * `assistant`, `developers`: whether this person's role has `assistant:use`, `apikeys:manage` (the layout knows; the link is hidden otherwise).
 * `attention`: offline sales the server refused that wait for a manager (docs/offline.md), counted on Orders.
 * `webhooksOff`: webhook endpoints turned off for failing 24 hours (docs/api.md), counted on Developers.
 */
export function AdminNav({
  assistant = false,
  developers = false,
  attention = 0,
  webhooksOff = 0,
}: {
  assistant?: boolean;
  developers?: boolean;
  attention?: number;
  webhooksOff?: number;
}) {
  const allowed = { assistant, developers };
  // The browser sees the public path (/admin/...), not the internal /t/<slug>/... one.
  const t = useTranslations('adminNav');
  const pathname = usePathname().replace(/^\/t\/[^/]+/, '') || '/';
  return (
    <nav aria-label={t('label')} className="flex gap-1 overflow-x-auto px-3 pb-3 md:flex-col md:pb-4">
      {links.filter((link) => !('needs' in link) || allowed[link.needs]).map((link) => {
        const active = link.href === '/admin' ? pathname === '/admin' : pathname.startsWith(link.href);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? 'page' : undefined}
            className={`rounded-lg px-3 py-2 text-sm font-medium whitespace-nowrap ${
              active ? 'bg-brand-50 text-brand-900' : 'text-slate-700 hover:bg-slate-100'
            }`}
          >
            {t(link.label)}
            {link.href === '/admin/orders' && attention > 0 && (
              <span className="ml-2 rounded-full bg-red-600 px-2 py-0.5 text-xs font-bold text-white" data-testid="attention-badge" title={t('attentionCount', { count: attention })}>
                <span aria-hidden="true">{attention}</span>
                <span className="sr-only">{t('attentionCount', { count: attention })}</span>
              </span>
            )}
            {link.href === '/admin/developers' && webhooksOff > 0 && (
              <span className="ml-2 rounded-full bg-red-600 px-2 py-0.5 text-xs font-bold text-white" data-testid="webhooks-off-badge" title={t('webhooksOffCount', { count: webhooksOff })}>
                <span aria-hidden="true">{webhooksOff}</span>
                <span className="sr-only">{t('webhooksOffCount', { count: webhooksOff })}</span>
              </span>
            )}
          </Link>
        );
      })}
    </nav>
  );
}
