import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { HeaderLink, StaffHeader } from '@/components/register/staff-header';
import { SaleScreen } from '@/components/register/sale-screen';
import { IdleLock } from '@/components/register/idle-lock';
import { SwitchStaff } from '@/components/register/switch-staff';
import { TimeClock } from '@/components/register/time-clock';
import { requireStaff, can } from '@/lib/auth';
import { registerScreen } from '@/lib/orders';
import { setLanguageAction } from '../../language/actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('register') };
}

/**
 * The register: who is selling (switch staff by PIN), and the sale screen. Everything the
 * screen needs — catalog, menus, stock here, settings, tables, approvers — and the header's staff
 * lists come in one server call (one transaction); prices, checkout and payments then go through
 * the orders API from the browser.
 */
export default async function RegisterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireStaff('register:use');
  const tn = await getTranslations('nav');
  // `?order=<id>`: a table's tab opened from the floor (the screen checks it is an open order of this store).
  const { order } = await searchParams;
  const openOrderId = typeof order === 'string' && /^[0-9a-f-]{36}$/i.test(order) ? order : null;
  const { data, switchTo: pinStaff, pinStaff: clockStaff, idleLockMinutes } = await registerScreen(ctx);
  const switchable = pinStaff.filter((s) => s.id !== ctx.userId);

  return (
    <div className="flex h-dvh flex-col overflow-hidden">
      <StaffHeader title={tn('register')} languageAction={setLanguageAction} tenantName={ctx.tenant.name} timeZone={ctx.tenant.timeZone} user={ctx}>
        <SwitchStaff staff={switchable} tenantId={ctx.tenantId} signedIn={{ id: ctx.userId, name: ctx.name, role: ctx.role }} />
        {can(ctx.role, 'timeclock:use') && <TimeClock staff={clockStaff} signedInId={ctx.userId} timeZone={ctx.tenant.timeZone} />}
        <HeaderLink href="/register/orders">{tn('orders')}</HeaderLink>
        <HeaderLink href="/register/shift">{tn('shift')}</HeaderLink>
        {can(ctx.role, 'tables:read') && <HeaderLink href="/floor">{tn('floor')}</HeaderLink>}
        {can(ctx.role, 'kitchen:use') && <HeaderLink href="/kitchen">{tn('kitchen')}</HeaderLink>}
        {can(ctx.role, 'admin:access') && <HeaderLink href="/admin">{tn('admin')}</HeaderLink>}
      </StaffHeader>
      <main className="flex min-h-0 flex-1 flex-col">
        <h1 className="sr-only">{tn('sale')}</h1>
        <SaleScreen
          data={data}
          tenantId={ctx.tenantId}
          currency={ctx.tenant.currency}
          openOrderId={openOrderId}
          user={{
            userId: ctx.userId,
            name: ctx.name,
            canVoid: can(ctx.role, 'order:void'),
            canOverrideDiscounts: can(ctx.role, 'discount:override'),
            canEditCatalog: can(ctx.role, 'catalog:write'),
          }}
        />
      </main>
      {/* The kitchen display has no idle lock: it is a shared screen nobody signs in at (docs/time-clock.md). */}
      <IdleLock minutes={idleLockMinutes} staff={pinStaff} signedInId={ctx.userId} />
    </div>
  );
}
