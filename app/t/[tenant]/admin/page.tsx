import type { Metadata } from 'next';
import Link from 'next/link';
import { listStaff, requireStaff, ROLES } from '@/lib/auth';

export const metadata: Metadata = { title: 'Admin' };

export default async function AdminOverview() {
  const ctx = await requireStaff('admin:access');
  const staff = await listStaff(ctx);
  const active = staff.filter((s) => s.active);

  return (
    <div className="max-w-4xl space-y-8">
      <header>
        <h1 className="text-2xl font-bold">Overview</h1>
        <p className="text-slate-600">{ctx.tenant.name}</p>
      </header>

      <section aria-labelledby="business" className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="business" className="text-lg font-semibold">
          Business
        </h2>
        <dl className="mt-3 grid gap-4 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-500">Store address</dt>
            <dd className="font-mono">{ctx.tenant.slug}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Currency</dt>
            <dd>{ctx.tenant.currency}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Time zone</dt>
            <dd>{ctx.tenant.timeZone}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="team" className="rounded-xl border border-slate-200 bg-white p-5">
        <div className="flex items-center justify-between">
          <h2 id="team" className="text-lg font-semibold">
            Team
          </h2>
          <Link href="/admin/staff" className="text-sm font-semibold text-brand-700 underline">
            Manage staff
          </Link>
        </div>
        <dl className="mt-3 grid grid-cols-3 gap-4 text-sm">
          {ROLES.map((role) => (
            <div key={role}>
              <dt className="capitalize text-slate-500">{role}s</dt>
              <dd className="text-2xl font-bold">{active.filter((s) => s.role === role).length}</dd>
            </div>
          ))}
        </dl>
        {active.length === 1 && (
          <p className="mt-4 text-sm text-slate-600">
            It&apos;s just you so far. <Link href="/admin/staff" className="font-semibold text-brand-700 underline">Add your team</Link>{' '}
            so each person sells under their own name.
          </p>
        )}
      </section>
    </div>
  );
}
