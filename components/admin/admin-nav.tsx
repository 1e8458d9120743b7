'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const links = [
  { href: '/admin', label: 'Dashboard' },
  { href: '/admin/orders', label: 'Orders' },
  { href: '/admin/customers', label: 'Customers' },
  { href: '/admin/reports', label: 'Reports' },
  { href: '/admin/shifts', label: 'Shifts' },
  { href: '/admin/assistant', label: 'Assistant', needs: 'assistant' },
  { href: '/admin/catalog', label: 'Catalog' },
  { href: '/admin/stock', label: 'Stock' },
  { href: '/admin/menus', label: 'Menus' },
  { href: '/admin/tables', label: 'Tables' },
  { href: '/admin/kitchen', label: 'Kitchen' },
  { href: '/admin/staff', label: 'Staff' },
  { href: '/admin/settings', label: 'Settings' },
  { href: '/admin/audit', label: 'Audit log' },
];

/** `assistant`: whether this person's role has `assistant:use` (the layout knows; the link is hidden otherwise). */
export function AdminNav({ assistant = false }: { assistant?: boolean }) {
  // The browser sees the public path (/admin/...), not the internal /t/<slug>/... one.
  const pathname = usePathname().replace(/^\/t\/[^/]+/, '') || '/';
  return (
    <nav aria-label="Admin" className="flex gap-1 overflow-x-auto px-3 pb-3 md:flex-col md:pb-4">
      {links.filter((link) => !('needs' in link) || assistant).map((link) => {
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
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
