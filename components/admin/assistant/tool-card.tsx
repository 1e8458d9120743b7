import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { STATUS_KEY } from '@/components/register/orders/format';
import { useFormats } from '@/components/ui/formats';
import type { Formats } from '@/lib/platform/formats';
import type { Messages } from '@/lib/platform/i18n';
import { INTL_LOCALE } from '@/lib/platform/locale';
import { isAdminLink } from './answer-text';

type ToolWords = Messages['admin']['assistant']['tools'];
type ToolsT = (key: Exclude<keyof ToolWords, 'title'> | `title.${keyof ToolWords['title']}`, values?: Record<string, string | number>) => string;
type OrdersT = (key: (typeof STATUS_KEY)[keyof typeof STATUS_KEY]) => string;

const TOOLS = ['salesSummary', 'topProducts', 'tenderMix', 'salesByStaff', 'salesByHour', 'refundsAndVoids', 'discounts', 'comparePeriods', 'findOrder', 'inventoryValue', 'lowStock', 'tablesOccupied', 'openOrders'] as const;
const isTool = (tool: string): tool is (typeof TOOLS)[number] => (TOOLS as readonly string[]).includes(tool);

type Output = Record<string, any> | undefined;

/** A few headline figures of a tool's result, in the reader's words and digits, money in the tenant's currency. */
function figures(tool: string, out: Output, currency: string, t: ToolsT, f: Formats, statusWord: (status: string) => string): [string, string][] {
  if (!out) return [];
  if (typeof out.error === 'string') return [[t('problem'), out.error]];
  const m = (minor: number) => f.money(minor, currency);
  const n = f.number;
  const versus = (a: string, b: string) => t('versus', { period: a, against: b });
  switch (tool) {
    case 'salesSummary':
      return [[t('netSales'), m(out.net)], [t('orders'), n(out.orders)], [t('averageTicket'), m(out.averageTicket)], [t('refunds'), m(out.refunds)]];
    case 'topProducts':
      return (out.items ?? []).slice(0, 3).map((i: any) => [i.name, t('countAndAmount', { count: i.quantity, amount: m(i.net) })]);
    case 'tenderMix':
      return (out.tenders ?? []).map((x: any) => [x.tender, t('shareOf', { amount: m(x.net), share: new Intl.NumberFormat(INTL_LOCALE[f.locale], { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x.shareBasisPoints / 10000) })]);
    case 'salesByStaff':
      return (out.staff ?? []).slice(0, 3).map((x: any) => [x.name, m(x.sales)]);
    case 'salesByHour':
      return (out.busiest ?? []).map((h: any) => [`${String(h.hour).padStart(2, '0')}:00`, t('hourOrders', { orders: h.orders, amount: m(h.net) })]);
    case 'refundsAndVoids':
      return [[t('refunds'), t('countAndAmount', { count: out.refunds.count, amount: m(out.refunds.amount) })], [t('voids'), t('countAndAmount', { count: out.voids.count, amount: m(out.voids.amount) })]];
    case 'discounts':
      return [[t('discounts'), m(out.discounts)], [t('ordersDiscounted'), t('ofTotal', { part: out.discountedOrders, total: out.orders })]];
    case 'comparePeriods':
      return [[t('netSales'), versus(m(out.period.net), m(out.against.net))], [t('orders'), versus(n(out.period.orders), n(out.against.orders))], [t('averageTicket'), versus(m(out.period.averageTicket), m(out.against.averageTicket))]];
    case 'findOrder':
      return [[t('totalBetween'), t('range', { min: m(out.min), max: m(out.max) })], ...(out.candidates ?? []).map((c: any) => [t('candidate', { number: c.number, time: c.time }), t('candidateTotal', { total: m(c.total), status: statusWord(c.status) })] as [string, string])];
    case 'inventoryValue':
      return [[t('atSellingPrices'), m(out.retail)], [t('atCost'), out.cost === null ? t('notRecorded') : m(out.cost)], [t('units'), n(out.units)]];
    case 'lowStock':
      return [[t('itemsLow'), n(out.total)], ...(out.items ?? []).slice(0, 3).map((i: any) => [i.name, n(i.quantity)] as [string, string])];
    case 'tablesOccupied':
      return [[t('occupied'), t('ofTotal', { part: out.occupied, total: out.total })], [t('guests'), n(out.covers)]];
    case 'openOrders':
      return [[t('notPaidYet'), n(out.count)]];
    default:
      return [];
  }
}

const span = (r: Record<string, any>, t: ToolsT) => (r.from === r.to ? r.from : t('span', { from: r.from, to: r.to }));

/** The period a tool looked up, as its input names it: a range, two ranges, or now. */
function periodOf(input: Record<string, any> | undefined, t: ToolsT): string {
  if (input?.period?.from && input.against?.from) return t('versus', { period: span(input.period, t), against: span(input.against, t) });
  if (input?.from) return input.around ? t('around', { period: span(input, t), around: input.around }) : span(input, t);
  return t('rightNow');
}

/** One tool call of an answer: what was looked up, for which period, the figures it gave, and the page they come from. */
export function ToolCard({ tool, state, input, output, currency }: { tool: string; state: string; input?: Record<string, any>; output?: Output; currency: string }) {
  const t = useTranslations('admin.assistant.tools');
  const orders = useTranslations('orders') as unknown as OrdersT;
  const f = useFormats();
  const statusWord = (status: string) => (status in STATUS_KEY ? orders(STATUS_KEY[status as keyof typeof STATUS_KEY]) : status.replace('_', ' '));
  const period = periodOf(input, t);
  const rows = figures(tool, output, currency, t, f, statusWord);
  const done = state === 'output-available';
  return (
    <div className="my-2 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-sm">
      <p className="font-semibold">
        {isTool(tool) ? t(`title.${tool}`) : tool} <span className="font-normal text-slate-600">· {period}</span>
        {!done && state !== 'output-error' && <span className="ml-2 text-slate-500">{t('lookingUp')}</span>}
        {state === 'output-error' && <span className="ml-2 text-red-700">{t('lookupFailed')}</span>}
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
          {t('openReport')}
        </Link>
      )}
    </div>
  );
}
