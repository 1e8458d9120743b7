import type { Metadata } from 'next';
import Link from 'next/link';
import { HeaderLink, StaffHeader } from '@/components/register/staff-header';
import { FloorView } from '@/components/restaurant/floor-view';
import { requireStaff, can } from '@/lib/auth';
import { listTables } from '@/lib/restaurant';
import { setTableStatusAction } from './actions';

export const metadata: Metadata = { title: 'Floor' };

/** The dining room for everyone on shift: seat guests, mark tables for cleaning, free them. */
export default async function FloorPage() {
  const ctx = await requireStaff('tables:read');
  const tables = await listTables(ctx);

  return (
    <div className="flex min-h-dvh flex-col">
      <StaffHeader title="Floor" tenantName={ctx.tenant.name} timeZone={ctx.tenant.timeZone} user={ctx}>
        {can(ctx.role, 'register:use') && <HeaderLink href="/register">Register</HeaderLink>}
        {can(ctx.role, 'kitchen:use') && <HeaderLink href="/kitchen">Kitchen</HeaderLink>}
        {can(ctx.role, 'tables:write') && <HeaderLink href="/admin/tables">Edit tables</HeaderLink>}
      </StaffHeader>
      <main className="flex-1 px-4 py-5 md:px-8">
        <h1 className="mb-4 text-2xl font-bold">Tables</h1>
        {tables.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-10 text-center text-slate-600" data-testid="floor-empty">
            No tables yet.{' '}
            {can(ctx.role, 'tables:write') ? (
              <Link href="/admin/tables" className="font-semibold text-brand-700 underline">
                Add your tables
              </Link>
            ) : (
              'A manager adds them under Admin → Tables.'
            )}
          </p>
        ) : (
          <FloorView tables={tables} canOperate={can(ctx.role, 'tables:operate')} setTableStatusAction={setTableStatusAction} />
        )}
      </main>
    </div>
  );
}
