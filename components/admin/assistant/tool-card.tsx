import { formatMoney } from '@/lib/platform/money';

/** What each tool looks up, in the words the card shows. */
const TITLES: Record<string, string> = {
  salesSummary: 'Sales summary',
  topProducts: 'Best sellers',
  tenderMix: 'Payment mix',
  salesByStaff: 'Sales by staff',
  salesByHour: 'Busiest hours',
  refundsAndVoids: 'Refunds and voids',
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

/** One tool call of an answer: what was looked up, for which period, and the figures it gave. */
export function ToolCard({ tool, state, input, output, currency }: { tool: string; state: string; input?: Record<string, any>; output?: Output; currency: string }) {
  const period = input?.from ? (input.from === input.to ? input.from : `${input.from} – ${input.to}`) : 'Right now';
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
    </div>
  );
}
