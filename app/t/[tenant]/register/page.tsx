import type { Metadata } from 'next';
import Link from 'next/link';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { SwitchStaff } from '@/components/register/switch-staff';
import { listPinStaff } from '@/lib/auth';
import { requireStaff } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';

export const metadata: Metadata = { title: 'Register' };

/**
 * The register's frame: who is selling, switching staff by PIN, sign-out. The sale screen
 * (cart, tenders, receipts) lands here with the checkout issue.
 */
export default async function RegisterPage() {
  const { tenant, user } = await requireStaff('register:use');
  const staff = await listPinStaff(tenant.id);

  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 py-3">
        <div>
          <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">Register</p>
          <p className="text-lg font-bold leading-tight">{tenant.name}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <p className="mr-2 text-sm" data-testid="current-staff">
            <span className="font-semibold">{user.name}</span> <span className="text-slate-500 capitalize">· {user.role}</span>
          </p>
          <SwitchStaff staff={staff.filter((s) => s.id !== user.userId)} />
          {can(user.role, 'tables:read') && (
            <Link href="/floor" className="rounded-lg px-3 py-2 text-sm font-semibold text-brand-700 hover:bg-slate-100">
              Floor
            </Link>
          )}
          {can(user.role, 'admin:access') && (
            <Link href="/admin" className="rounded-lg px-3 py-2 text-sm font-semibold text-brand-700 hover:bg-slate-100">
              Admin
            </Link>
          )}
          <SignOutButton />
        </div>
      </header>
      <main className="flex flex-1 items-center justify-center p-6">
        <div className="max-w-md text-center">
          <h1 className="text-2xl font-bold">Ready to sell</h1>
          <p className="mt-2 text-slate-600">
            You are signed in as {user.name}. Hand over the register with <strong>Switch staff</strong> — each person
            enters their own PIN, so every sale carries the right name.
          </p>
        </div>
      </main>
    </div>
  );
}
