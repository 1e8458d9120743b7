import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AuditFilters } from '@/components/admin/audit/audit-filters';
import { AuditTable } from '@/components/admin/audit/audit-table';
import { pageFormats } from '@/components/admin/page-formats';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { query } from '@/components/ui/pager';
import { listAuditEvents, listStaff, parseAuditFilter, requireStaff, type AuditFilter } from '@/lib/auth';
import { businessDate } from '@/lib/orders';
import { AppError } from '@/lib/platform/errors';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('auditLog') };
}

type Params = Record<string, string | string[] | undefined>;

/** The filter the URL names, or the problems with it (shown instead of a table). */
function filterOf(params: Params): { filter: AuditFilter } | { problems: { path: string; message: string }[] } {
  try {
    return { filter: parseAuditFilter(params) };
  } catch (err) {
    if (err instanceof AppError && err.code === 'bad_request') return { problems: err.details as { path: string; message: string }[] };
    throw err;
  }
}

/** Every privileged action, newest first: filters in the URL (linkable), 50 a page, times in the store's time zone. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Params> }) {
  const ctx = await requireStaff('audit:read');
  const params = await searchParams;
  const parsed = filterOf(params);
  const [page, staff] = await Promise.all(['filter' in parsed ? listAuditEvents(ctx, parsed.filter) : Promise.resolve(null), listStaff(ctx)]);
  const one = (name: string) => (typeof params[name] === 'string' ? (params[name] as string) : undefined);
  const values = { action: one('action'), actor: one('actor'), from: one('from'), to: one('to') };
  const href = (cursor: { before?: string; after?: string }) => `/admin/audit${query({ ...values, ...cursor })}`;
  const [t, f] = await Promise.all([getTranslations('admin.audit'), pageFormats()]);
  const filtered = Boolean(values.action || values.actor || values.from || values.to);

  return (
    <div className="max-w-7xl space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="text-slate-600">{t('intro', { timeZone: ctx.tenant.timeZone })}</p>
      </header>

      <AuditFilters values={values} staff={staff} today={businessDate(ctx.tenant.timeZone)} />

      {'problems' in parsed && (
        <Alert tone="error">
          <p>{t('badFilters')}</p>
          <ul className="mt-1 list-disc pl-5">
            {parsed.problems.map((p) => (
              <li key={p.path + p.message}>
                {p.path}: {p.message}
              </li>
            ))}
          </ul>
        </Alert>
      )}

      {page && (
        <section aria-label={t('events')} className="space-y-3">
          {page.data.length === 0 ? (
            <p role="status" className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-slate-600">
              {filtered || page.newer ? t('noMatch') : t('nothing')}
            </p>
          ) : (
            <AuditTable rows={page.data} people={page.people} timeZone={ctx.tenant.timeZone} currency={ctx.tenant.currency} formats={f} />
          )}
          {(page.newer || page.older) && (
            <nav aria-label={t('pages')} className="flex flex-wrap justify-end gap-2 text-sm">
              {page.newer && (
                <>
                  <Link href={href({})} className={buttonClass('ghost')}>
                    {t('newest')}
                  </Link>
                  <Link href={href({ after: page.newer })} className={buttonClass('secondary')} rel="prev">
                    {t('newer')}
                    <span className="sr-only">{t('eventsSr')}</span>
                  </Link>
                </>
              )}
              {page.older && (
                <Link href={href({ before: page.older })} className={buttonClass('secondary')} rel="next">
                  {t('older')}
                  <span className="sr-only">{t('eventsSr')}</span>
                </Link>
              )}
            </nav>
          )}
        </section>
      )}
    </div>
  );
}
