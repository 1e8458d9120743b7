import Link from 'next/link';
import { formatMoney } from '@/lib/platform/money';
import { isAdminLink } from './answer-text';

/** What each tool looks up, in the words the card shows. */
const TITLES: Record<string, string> = {
  salesSummary: 'Sales summary',
  topProducts: 'Best sellers',
  tenderMix: 'Payment mix',
  salesByStaff: 'Sales by staff',
  salesByHour: 'Busiest hours',
  refundsAndVoids: 'Refunds and voids',
  discounts: 'Discounts',
  comparePeriods: 'Comparison',
  findOrder: 'Order search',
  inventoryValue: 'Stock value',
  lowStock: 'Low stock',
  tablesOccupied: 'Tables occupied',
  openOrders: 'Open orders',
};

type Output = Record<string, any> | undefined;

/** A few headline figures of a tool's result, money in the tenant's currency. */
function figures(tool: string, out: Output, currency: string): [string, string][] {
  if (!out) return [];
  if (typeof out.error === 'string') return [['Problem', out.error]];
  const m = (minor: number) => formatMoney(minor, currency);
  switch (tool) {
    case 'salesSummary':
      return [['Net sales', m(out.net)], ['Orders', String(out.orders)], ['Average ticket', m(out.averageTicket)], ['Refunds', m(out.refunds)]];
    case 'topProducts':
      return (out.items ?? []).slice(0, 3).map((i: any) => [i.name, `${i.quantity} · ${m(i.net)}`]);
    case 'tenderMix':
      return (out.tenders ?? []).map((t: any) => [t.tender, `${m(t.net)} · ${(t.shareBasisPoints / 100).toFixed(1)}%`]);
    case 'salesByStaff':
      return (out.staff ?? []).slice(0, 3).map((s: any) => [s.name, m(s.sales)]);
    case 'salesByHour':
      return (out.busiest ?? []).map((h: any) => [`${String(h.hour).padStart(2, '0')}:00`, `${h.orders} orders · ${m(h.net)}`]);
    case 'refundsAndVoids':
      return [['Refunds', `${out.refunds.count} · ${m(out.refunds.amount)}`], ['Voids', `${out.voids.count} · ${m(out.voids.amount)}`]];
    case 'discounts':
      return [['Discounts', m(out.discounts)], ['Orders discounted', `${out.discountedOrders} of ${out.orders}`]];
    case 'comparePeriods':
      return [['Net sales', `${m(out.period.net)} vs ${m(out.against.net)}`], ['Orders', `${out.period.orders} vs ${out.against.orders}`], ['Average ticket', `${m(out.period.averageTicket)} vs ${m(out.against.averageTicket)}`]];
    case 'findOrder':
      return [['Total between', `${m(out.min)} – ${m(out.max)}`], ...(out.candidates ?? []).map((c: any) => [`#${c.number} · ${c.time}`, `${m(c.total)} · ${c.status.replace('_', ' ')}`] as [string, string])];
    case 'inventoryValue':
      return [['At selling prices', m(out.retail)], ['At cost', out.cost === null ? 'Not recorded' : m(out.cost)], ['Units', String(out.units)]];
    case 'lowStock':
      return [['Items low', String(out.total)], ...(out.items ?? []).slice(0, 3).map((i: any) => [i.name, String(i.quantity)] as [string, string])];
    case 'tablesOccupied':
      return [['Occupied', `${out.occupied} of ${out.total}`], ['Guests', String(out.covers)]];
    case 'openOrders':
      return [['Not paid yet', String(out.count)]];
    default:
      return [];
  }
}

const span = (r: Record<string, any>) => (r.from === r.to ? r.from : `${r.from} – ${r.to}`);

/** The period a tool looked up, as its input names it: a range, two ranges, or now. */
function periodOf(input: Record<string, any> | undefined): string {
  if (input?.period?.from && input.against?.from) return `${span(input.period)} vs ${span(input.against)}`;
  if (input?.from) return `${span(input)}${input.around ? ` around ${input.around}` : ''}`;
  return 'Right now';
}

/** One tool call of an answer: what was looked up, for which period, the figures it gave, and the page they come from. */
export function ToolCard({ tool, state, input, output, currency }: { tool: string; state: string; input?: Record<string, any>; output?: Output; currency: string }) {
  const period = periodOf(input);
  const rows = figures(tool, output, currency);
  const done = state === 'output-available';
  return (
    <div className="my-2 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-sm">
      <p className="font-semibold">
        {TITLES[tool] ?? tool} <span className="font-normal text-slate-600">· {period}</span>
        {!done && state !== 'output-error' && <span className="ml-2 text-slate-500">Looking up…</span>}
        {state === 'output-error' && <span className="ml-2 text-red-700">Lookup failed</span>}
      </p>
      {rows.length > 0 && (
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-slate-600">{k}</dt>
              <dd className="font-medium tabular-nums">{v}</dd>
            </div>
          ))}
        </dl>
      )}
      {isAdminLink(output?.link) && (
        <Link href={output.link} className="mt-1 inline-block font-semibold text-brand-700 underline">
          Open report
        </Link>
      )}
    </div>
  );
}
