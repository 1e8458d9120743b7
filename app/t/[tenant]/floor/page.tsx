import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { HeaderLink, StaffHeader } from '@/components/register/staff-header';
import { FloorView } from '@/components/restaurant/floor-view';
import { requireStaff, can } from '@/lib/auth';
import { openTabs } from '@/lib/orders';
import { listTables } from '@/lib/restaurant';
import { setTableStatusAction } from './actions';
import { setLanguageAction } from '../language/actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('floor') };
}

/** The dining room for everyone on shift: open a table's tab or start one, move and merge, seat guests, clear tables. */
export default async function FloorPage() {
  const ctx = await requireStaff('tables:read');
  const tn = await getTranslations('nav');
  const t = await getTranslations('floor');
  const canOrder = can(ctx.role, 'order:create') && can(ctx.role, 'register:use');
  const [tables, tabs] = await Promise.all([listTables(ctx), can(ctx.role, 'order:read') ? openTabs(ctx) : []]);
  const now = Date.now();

  return (
    <div className="flex min-h-dvh flex-col">
      <StaffHeader title={tn('floor')} languageAction={setLanguageAction} tenantName={ctx.tenant.name} timeZone={ctx.tenant.timeZone} user={ctx}>
        {can(ctx.role, 'register:use') && <HeaderLink href="/register">{tn('register')}</HeaderLink>}
        {can(ctx.role, 'kitchen:use') && <HeaderLink href="/kitchen">{tn('kitchen')}</HeaderLink>}
        {can(ctx.role, 'tables:write') && <HeaderLink href="/admin/tables">{tn('editTables')}</HeaderLink>}
      </StaffHeader>
      <main className="flex-1 px-4 py-5 md:px-8">
        <h1 className="mb-4 text-2xl font-bold">{t('title')}</h1>
        {tables.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-10 text-center text-slate-600" data-testid="floor-empty">
            {t('noTables')}{' '}
            {can(ctx.role, 'tables:write') ? (
              <Link href="/admin/tables" className="font-semibold text-brand-700 underline">
                {t('addTables')}
              </Link>
            ) : (
              t('managerAdds')
            )}
          </p>
        ) : (
          <FloorView
            tables={tables}
            canOperate={can(ctx.role, 'tables:operate')}
            setTableStatusAction={setTableStatusAction}
            tabs={tabs.map((t) => ({ orderId: t.orderId, tableId: t.tableId, number: t.number, total: t.total, items: t.items, openedAt: t.createdAt.toISOString() }))}
            currency={ctx.tenant.currency}
            now={now}
            canOrder={canOrder}
          />
        )}
      </main>
    </div>
  );
}
