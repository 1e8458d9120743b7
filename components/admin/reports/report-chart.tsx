import { BarListChart, SalesByDayChart, SalesByHourChart, StaffChart, TenderMixChart, type BarRow } from '@/components/admin/dashboard/charts';
import { HEADLINE } from '@/components/admin/dashboard/figures';
import type { ReportView } from '@/lib/analytics';
import { variantLabel } from '@/lib/catalog';
import { dateTimeFormat } from '@/lib/platform/format-time';

const CHART_ROWS = 10;
const percent = (bp: number) => `${(bp / 100).toFixed(bp % 100 === 0 ? 0 : 2)} %`;

/** The chart of a report: the dashboard's charts where it has one, else its figures as bars. Screen only (the table carries every figure on paper). */
export function ReportChart({ view, by, timeZone }: { view: ReportView; by: 'net' | 'quantity'; timeZone: string }) {
  const currency = view.currency;
  const ranked = <R extends { net: number; quantity: number }>(rows: R[], key: (r: R) => string, name: (r: R) => string): BarRow[] =>
    rows.slice(0, CHART_ROWS).map((r) => ({ key: key(r), name: name(r), value: by === 'net' ? r.net : r.quantity }));
  const top = { unit: by === 'net' ? ('money' as const) : ('count' as const), countLabel: 'kept', valueName: by === 'net' ? 'Net sales' : 'Units kept' };
  switch (view.report) {
    case 'sales-summary': {
      const s = view.data;
      const rows = HEADLINE.filter((h) => h.kind === 'money' && h.key !== 'averageTicket').map((h) => {
        const figure = s[h.key as 'net'];
        return { key: h.key, name: h.label, value: figure.value, previous: figure.previous };
      });
      return <BarListChart title="This period and the same days a week earlier" rows={rows} unit="money" currency={currency} valueName="This period" previousLabel="A week earlier" />;
    }
    case 'sales-by-hour':
      return <SalesByHourChart rows={view.data} currency={currency} />;
    case 'sales-by-day':
      return <SalesByDayChart rows={view.data} currency={currency} />;
    case 'tender-mix':
      return <TenderMixChart rows={view.data} currency={currency} />;
    case 'top-products':
      return <BarListChart title={`Top ${CHART_ROWS} items by ${by === 'net' ? 'net sales' : 'units kept'}`} rows={ranked(view.data, (r) => r.variantId, variantLabel)} currency={currency} {...top} />;
    case 'top-categories':
      return (
        <BarListChart
          title={`Top categories by ${by === 'net' ? 'net sales' : 'units kept'}`}
          rows={ranked(view.data, (r) => r.categoryId ?? 'none', (r) => r.name ?? (r.categoryId ? 'Deleted category' : 'No category'))}
          currency={currency}
          {...top}
        />
      );
    case 'sales-by-staff':
      return <StaffChart rows={view.data.map((r) => ({ staffId: r.staffId, name: r.name ?? 'Former staff', sales: r.sales, orders: r.orders, tips: r.tips }))} currency={currency} />;
    case 'refunds-and-voids': {
      const d = view.data;
      const rows = [
        ...d.refunds.byReason.map((g) => ({ key: `refund-${g.reason}`, name: `Refund: ${g.reason || 'no reason'}`, value: g.amount, detail: `${g.count} ${g.count === 1 ? 'refund' : 'refunds'}` })),
        ...d.voids.byReason.map((g) => ({ key: `void-${g.reason}`, name: `Void: ${g.reason || 'no reason'}`, value: g.amount, detail: `${g.count} ${g.count === 1 ? 'void' : 'voids'}` })),
      ];
      return <BarListChart title="Refunded and voided, by reason" rows={rows} unit="money" currency={currency} valueName="Amount" labelWidth={140} emptyText="No refunds or voids in this range." />;
    }
    case 'discounts':
      return (
        <BarListChart
          title={`The ${CHART_ROWS} most discounted items`}
          rows={view.data.byProduct.slice(0, CHART_ROWS).map((r) => ({ key: r.variantId, name: variantLabel(r), value: r.discounts }))}
          unit="money"
          currency={currency}
          valueName="Discounts"
          emptyText="No discounts in this range."
        />
      );
    case 'taxes':
      return (
        <BarListChart
          title="Tax after refunds, by rate"
          rows={view.data.rates.map((r) => ({ key: String(r.rateBasisPoints), name: percent(r.rateBasisPoints), value: r.netTax }))}
          unit="money"
          currency={currency}
          valueName="Tax"
          labelWidth={70}
          emptyText="No taxed sales in this range."
        />
      );
    case 'drawer-over-short': {
      const closed = dateTimeFormat(timeZone, 'dayMonthTime');
      const rows = view.data.shifts.slice(0, 20).map((s) => ({ key: s.shiftId, name: `${s.registerName} · ${closed.format(new Date(s.closedAt))}`, value: s.difference }));
      return <BarListChart title="Over (+) or short (−), by shift" rows={rows} unit="money" currency={currency} valueName="Over/short" labelWidth={150} emptyText="No shifts were closed in this range." />;
    }
  }
}
