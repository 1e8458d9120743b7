import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { IdleLock } from '@/components/register/idle-lock';
import { HeaderLink, StaffHeader } from '@/components/register/staff-header';
import { ShiftConsole } from '@/components/register/shift/shift-console';
import { SwitchStaff } from '@/components/register/switch-staff';
import { requireStaff, can, staffToSwitchTo } from '@/lib/auth';
import { getTenantSettings } from '@/lib/tenancy';
import { cashMovementAction, closeShiftAction, loadShiftAction, openShiftAction } from './actions';
import { setLanguageAction } from '../../language/actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('shift') };
}

/**
 * The cash drawer of this register: open a shift with a float, cash in/out, the X report,
 * count and close with the Z report. Which register this is lives in the browser
 * (localStorage), so ShiftConsole asks for its shift from there.
 */
export default async function ShiftPage() {
  const ctx = await requireStaff('shift:operate');
  const tn = await getTranslations('nav');
  const [pinStaff, { idleLockMinutes }] = await Promise.all([staffToSwitchTo(ctx, null), getTenantSettings(ctx)]);
  const switchable = pinStaff.filter((s) => s.id !== ctx.userId);

  return (
    <div className="flex min-h-dvh flex-col">
      <StaffHeader title={tn('shift')} languageAction={setLanguageAction} tenantName={ctx.tenant.name} timeZone={ctx.tenant.timeZone} user={ctx}>
        <SwitchStaff staff={switchable} tenantId={ctx.tenantId} signedIn={{ id: ctx.userId, name: ctx.name, role: ctx.role }} />
        {can(ctx.role, 'register:use') && <HeaderLink href="/register">{tn('register')}</HeaderLink>}
        {can(ctx.role, 'order:read') && <HeaderLink href="/register/orders">{tn('orders')}</HeaderLink>}
        {can(ctx.role, 'admin:access') && <HeaderLink href="/admin">{tn('admin')}</HeaderLink>}
      </StaffHeader>
      <main className="flex-1 px-4 py-5 md:px-6">
        <ShiftConsole
          currency={ctx.tenant.currency}
          timeZone={ctx.tenant.timeZone}
          businessName={ctx.tenant.name}
          canSeeOrders={can(ctx.role, 'order:read')}
          actions={{ loadShiftAction, openShiftAction, cashMovementAction, closeShiftAction }}
        />
      </main>
      <IdleLock minutes={idleLockMinutes} staff={pinStaff} signedInId={ctx.userId} />
    </div>
  );
}
