import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { buttonClass } from '@/components/ui/button';

/** Previous / next links with "21–40 of 57"; renders nothing when everything fits on one page. */
export function Pager({ page, pageSize, total, href, label }: { page: number; pageSize: number; total: number; href: (page: number) => string; label: string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const t = useTranslations('common');
  const sr = (chunks: ReactNode) => <span className="sr-only">{chunks}</span>;
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-3 text-sm">
      <p className="text-slate-600">
        {t('pagerRange', { from, to, total })}
      </p>
      <div className="flex gap-2">
        {page > 1 && (
          <Link href={href(page - 1)} className={buttonClass('secondary')} rel="prev">
            {t.rich('previousPage', { sr })}
          </Link>
        )}
        <span className="self-center text-slate-600">
          {t('pageOf', { page, pages })}
        </span>
        {page < pages && (
          <Link href={href(page + 1)} className={buttonClass('secondary')} rel="next">
            {t.rich('nextPage', { sr })}
          </Link>
        )}
      </div>
    </nav>
  );
}

/** A query string from the params that have a value ("?a=1&b=2", or "" when none). */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
}

/** A search param as one value: the first when the URL repeats it. */
export const firstParam = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** A positive page number from a search param (1 for anything else). */
export function pageParam(value: string | string[] | undefined): number {
  const n = typeof value === 'string' ? Number.parseInt(value, 10) : NaN;
  return Number.isFinite(n) && n >= 1 && n <= 100_000 ? n : 1;
}
