import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { KitchenDisplay } from '@/components/kitchen/kitchen-display';
import type { TicketView } from '@/components/kitchen/ticket-view';
import { HeaderLink, StaffHeader } from '@/components/register/staff-header';
import { can, requireStaff } from '@/lib/auth';
import { lastBumpedTicket, openTicketCounts, openTickets, stationsOf, type KitchenTicket } from '@/lib/restaurant';
import { bumpTicketAction, recallTicketAction } from './actions';
import { setLanguageAction } from '../language/actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('kitchen') };
}

const view = (t: KitchenTicket): TicketView => ({
  id: t.id,
  orderNumber: t.orderNumber,
  orderType: t.orderType,
  tableName: t.tableName,
  customerName: t.customerName,
  orderNote: t.orderNote,
  lines: t.lines,
  firedAt: t.firedAt.toISOString(),
  recalledAt: t.recalledAt?.toISOString() ?? null,
  voidedAt: t.voidedAt?.toISOString() ?? null,
});

/** The kitchen display: one station's open tickets, live, for anyone on shift (docs/kitchen.md). */
export default async function KitchenPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireStaff('kitchen:use');
  const tn = await getTranslations('nav');
  const asked = (await searchParams).station;
  const stations = await stationsOf(ctx);
  const station = stations.find((s) => s.id === asked) ?? stations.find((s) => s.isDefault) ?? stations[0]!;
  const [tickets, counts, last] = await Promise.all([openTickets(ctx, station.id), openTicketCounts(ctx), lastBumpedTicket(ctx, station.id)]);
  const tabs = stations.map((s) => ({ id: s.id, name: s.name, open: counts.get(s.id) ?? 0 }));

  return (
    <div className="flex min-h-dvh flex-col">
      <StaffHeader title={tn('kitchen')} languageAction={setLanguageAction} tenantName={ctx.tenant.name} timeZone={ctx.tenant.timeZone} user={ctx}>
        {can(ctx.role, 'register:use') && <HeaderLink href="/register">{tn('register')}</HeaderLink>}
        {can(ctx.role, 'tables:read') && <HeaderLink href="/floor">{tn('floor')}</HeaderLink>}
        {can(ctx.role, 'kitchen:write') && <HeaderLink href="/admin/kitchen">{tn('setUpStations')}</HeaderLink>}
      </StaffHeader>
      <KitchenDisplay
        key={station.id}
        stations={tabs}
        station={tabs.find((s) => s.id === station.id)!}
        chosen={typeof asked === 'string' && asked === station.id}
        tickets={tickets.map(view)}
        canRecall={last !== null}
        serverNow={Date.now()}
        businessName={ctx.tenant.name}
        timeZone={ctx.tenant.timeZone}
        bumpAction={bumpTicketAction}
        recallAction={recallTicketAction}
      />
    </div>
  );
}
