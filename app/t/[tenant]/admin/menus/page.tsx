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

  return (
    <div className="max-w-5xl space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Menus</h1>
          <p className="text-slate-600">
            Menus group catalog products into sections and say when they are offered (times in {ctx.tenant.timeZone}).
          </p>
        </div>
        {canWrite && (
          <Link href="/admin/menus/new" className={buttonClass('primary')}>
            New menu
          </Link>
        )}
      </header>

      {params.deleted === '1' && <Alert tone="success">Menu deleted.</Alert>}

      {menus.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-10 text-center text-slate-600" data-testid="menus-empty">
          No menus yet.{' '}
          {canWrite && (
            <Link href="/admin/menus/new" className="font-semibold text-brand-700 underline">
              Create your first menu
            </Link>
          )}
          {canWrite && ' — a breakfast menu from 07:00 to 11:00, for example.'}
        </p>
      ) : (
        <section aria-labelledby="menu-list" className={tableScrollClass}>
          <h2 id="menu-list" className="sr-only">
            All menus
          </h2>
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">Menu</th>
                <th scope="col" className="px-4 py-3">Status</th>
                <th scope="col" className="px-4 py-3">Available</th>
                <th scope="col" className="px-4 py-3 text-right">Sections</th>
                <th scope="col" className="px-4 py-3 text-right">Products</th>
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
                        <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-900 ring-1 ring-brand-100">Active</span>
                      ) : (
                        <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-700 ring-1 ring-slate-300">Inactive</span>
                      )}
                      <p className="mt-1 text-xs text-slate-600">{availableNow ? 'Offered now' : 'Not offered now'}</p>
                    </td>
                    <td className="px-4 py-3 align-top">{availabilitySummary(menu.availability)}</td>
                    <td className="px-4 py-3 text-right align-top tabular-nums">{menu.sections.length}</td>
                    <td className="px-4 py-3 text-right align-top tabular-nums">{products}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
      <Pager label="Menu pages" page={page} pageSize={PAGE_SIZE} total={total} href={(p) => `/admin/menus${query({ page: p })}`} />
    </div>
  );
}
