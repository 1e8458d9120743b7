import type { Metadata } from 'next';
import { HeaderLink, StaffHeader } from '@/components/register/staff-header';
import { ShiftConsole } from '@/components/register/shift/shift-console';
import { SwitchStaff } from '@/components/register/switch-staff';
import { requireStaff, can, staffToSwitchTo } from '@/lib/auth';
import { cashMovementAction, closeShiftAction, loadShiftAction, openShiftAction } from './actions';

export const metadata: Metadata = { title: 'Shift' };

/**
 * The cash drawer of this register: open a shift with a float, cash in/out, the X report,
 * count and close with the Z report. Which register this is lives in the browser
 * (localStorage), so ShiftConsole asks for its shift from there.
 */
export default async function ShiftPage() {
  const { tenant, user } = await requireStaff('shift:operate');
  const switchable = await staffToSwitchTo(tenant.id, user.userId);

  return (
    <div className="flex min-h-dvh flex-col">
      <StaffHeader title="Shift" tenantName={tenant.name} user={user}>
        <SwitchStaff staff={switchable} />
        {can(user.role, 'register:use') && <HeaderLink href="/register">Register</HeaderLink>}
        {can(user.role, 'order:read') && <HeaderLink href="/register/orders">Orders</HeaderLink>}
        {can(user.role, 'admin:access') && <HeaderLink href="/admin">Admin</HeaderLink>}
      </StaffHeader>
      <main className="flex-1 px-4 py-5 md:px-6">
        <ShiftConsole
          currency={tenant.currency}
          timeZone={tenant.timeZone}
          businessName={tenant.name}
          canSeeOrders={can(user.role, 'order:read')}
          actions={{ loadShiftAction, openShiftAction, cashMovementAction, closeShiftAction }}
        />
      </main>
    </div>
  );
}
