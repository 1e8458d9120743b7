import type { Metadata } from 'next';
import Link from 'next/link';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { FloorView } from '@/components/restaurant/floor-view';
import { requireStaff } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { listTables } from '@/lib/restaurant';

export const metadata: Metadata = { title: 'Floor' };

/** The dining room for everyone on shift: seat guests, mark tables for cleaning, free them. */
export default async function FloorPage() {
  const { tenant, user } = await requireStaff('tables:read');
  const tables = await listTables(tenant.id);

  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 py-3">
        <div>
          <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">Floor</p>
          <p className="text-lg font-bold leading-tight">{tenant.name}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <p className="mr-2 text-sm" data-testid="current-staff">
            <span className="font-semibold">{user.name}</span> <span className="text-slate-500 capitalize">· {user.role}</span>
          </p>
          {can(user.role, 'register:use') && (
            <Link href="/register" className="rounded-lg px-3 py-2 text-sm font-semibold text-brand-700 hover:bg-slate-100">
              Register
            </Link>
          )}
          {can(user.role, 'tables:write') && (
            <Link href="/admin/tables" className="rounded-lg px-3 py-2 text-sm font-semibold text-brand-700 hover:bg-slate-100">
              Edit tables
            </Link>
          )}
          <SignOutButton />
        </div>
      </header>
      <main className="flex-1 px-4 py-5 md:px-8">
        <h1 className="mb-4 text-2xl font-bold">Tables</h1>
        {tables.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-10 text-center text-slate-600" data-testid="floor-empty">
            No tables yet.{' '}
            {can(user.role, 'tables:write') ? (
              <Link href="/admin/tables" className="font-semibold text-brand-700 underline">
                Add your tables
              </Link>
            ) : (
              'A manager adds them under Admin → Tables.'
            )}
          </p>
        ) : (
          <FloorView tables={tables} canOperate={can(user.role, 'tables:operate')} />
        )}
      </main>
    </div>
  );
}
