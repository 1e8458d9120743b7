import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { availabilitySummary } from '@/components/admin/menus/availability';
import { Pager, pageParam, query } from '@/components/ui/pager';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { requireStaff, can } from '@/lib/auth';
import { isMenuAvailable, listMenus } from '@/lib/restaurant';
import { tableScrollClass } from '@/components/ui/table';
import { pageFormats } from '@/components/admin/page-formats';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('menus') };
}

const PAGE_SIZE = 50;

export default async function MenusPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireStaff('menu:read');
  const params = await searchParams;
  const page = pageParam(params.page);
  const { data: menus, total } = await listMenus(ctx, { skip: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  const canWrite = can(ctx.role, 'menu:write');
  const now = new Date();
  const t = await getTranslations('admin.menus');
  const th = await getTranslations('menuHours');
  const f = await pageFormats();

  return (
    <div className="max-w-5xl space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{t('title')}</h1>
          <p className="text-slate-600">
            {t('intro', { timeZone: ctx.tenant.timeZone })}
          </p>
        </div>
        {canWrite && (
          <Link href="/admin/menus/new" className={buttonClass('primary')}>
            {t('newMenu')}
          </Link>
        )}
      </header>

      {params.deleted === '1' && <Alert tone="success">{t('deleted')}</Alert>}

      {menus.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-10 text-center text-slate-600" data-testid="menus-empty">
          {t('empty')}{' '}
          {canWrite && (
            <Link href="/admin/menus/new" className="font-semibold text-brand-700 underline">
              {t('createFirst')}
            </Link>
          )}
          {canWrite && t('createFirstHint')}
        </p>
      ) : (
        <section aria-labelledby="menu-list" className={tableScrollClass}>
          <h2 id="menu-list" className="sr-only">
            {t('all')}
          </h2>
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">{t('menu')}</th>
                <th scope="col" className="px-4 py-3">{t('status')}</th>
                <th scope="col" className="px-4 py-3">{t('available')}</th>
                <th scope="col" className="px-4 py-3 text-right">{t('sections')}</th>
                <th scope="col" className="px-4 py-3 text-right">{t('products')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {menus.map((menu) => {
                const products = new Set(menu.sections.flatMap((s) => s.productIds)).size;
                const availableNow = isMenuAvailable(menu, now, ctx.tenant.timeZone);
                return (
                  <tr key={menu.id} data-testid="menu-row">
                    <td className="px-4 py-3 align-top">
                      {canWrite ? (
                        <Link href={`/admin/menus/${menu.id}`} className="font-medium text-slate-900 underline decoration-slate-300 underline-offset-2 hover:decoration-brand-600">
                          {menu.name}
                        </Link>
                      ) : (
                        <span className="font-medium">{menu.name}</span>
                      )}
                      {menu.description && <p className="text-slate-500">{menu.description}</p>}
                    </td>
                    <td className="px-4 py-3 align-top">
                      {menu.isActive ? (
                        <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-900 ring-1 ring-brand-100">{t('active')}</span>
                      ) : (
                        <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-700 ring-1 ring-slate-300">{t('inactive')}</span>
                      )}
                      <p className="mt-1 text-xs text-slate-600">{availableNow ? t('offeredNow') : t('notOfferedNow')}</p>
                    </td>
                    <td className="px-4 py-3 align-top">{availabilitySummary(menu.availability, th)}</td>
                    <td className="px-4 py-3 text-right align-top tabular-nums">{f.number(menu.sections.length)}</td>
                    <td className="px-4 py-3 text-right align-top tabular-nums">{f.number(products)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
      <Pager label={t('pages')} page={page} pageSize={PAGE_SIZE} total={total} href={(p) => `/admin/menus${query({ page: p })}`} />
    </div>
  );
}
