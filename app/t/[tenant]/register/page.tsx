import type { Metadata } from 'next';
import { HeaderLink, StaffHeader } from '@/components/register/staff-header';
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
      <StaffHeader title="Register" tenantName={tenant.name} user={user}>
        <SwitchStaff staff={staff.filter((s) => s.id !== user.userId)} />
        {can(user.role, 'tables:read') && <HeaderLink href="/floor">Floor</HeaderLink>}
        {can(user.role, 'admin:access') && <HeaderLink href="/admin">Admin</HeaderLink>}
      </StaffHeader>
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
