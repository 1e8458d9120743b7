import Link from 'next/link';
import type { ReactNode } from 'react';

/** The way up from a page to the one it belongs to ("Stock", "Purchase orders"), above its title; not printed. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p className="text-sm print:hidden">
      <Link href={href} className="font-semibold text-brand-700 underline">
        {children}
      </Link>
    </p>
  );
}
