import { useLocale, useTranslations } from 'next-intl';
import { BarListChart, SalesByDayChart, SalesByHourChart, StaffChart, TenderMixChart, type BarRow } from '@/components/admin/dashboard/charts';
import { HEADLINE } from '@/components/admin/dashboard/figures';
import type { ReportView } from '@/lib/analytics';
import { variantLabel } from '@/lib/catalog';
import { dateTimeFormat } from '@/lib/platform/format-time';
import { INTL_LOCALE } from '@/lib/platform/locale';

const CHART_ROWS = 10;

/** The chart of a report: the dashboard's charts where it has one, else its figures as bars. Screen only (the table carries every figure on paper). */
export function ReportChart({ view, by, timeZone }: { view: ReportView; by: 'net' | 'quantity'; timeZone: string }) {
  const t = useTranslations('admin.reportChart');
  const tf = useTranslations('admin.figures');
  const locale = useLocale();
  const numbers = new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 2 });
  const percent = (bp: number) => `${numbers.format(bp / 100)} %`;
  const currency = view.currency;
  const ranked = <R extends { net: number; quantity: number }>(rows: R[], key: (r: R) => string, name: (r: R) => string): BarRow[] =>
    rows.slice(0, CHART_ROWS).map((r) => ({ key: key(r), name: name(r), value: by === 'net' ? r.net : r.quantity }));
  const top = { unit: by === 'net' ? ('money' as const) : ('count' as const), countLabel: (count: string) => t('kept', { count }), valueName: by === 'net' ? t('netSales') : t('unitsKept') };
  switch (view.report) {
    case 'sales-summary': {
      const s = view.data;
      const rows = HEADLINE.filter((h) => h.kind === 'money' && h.key !== 'averageTicket').map((h) => {
        const figure = s[h.key as 'net'];
        return { key: h.key, name: tf(h.label), value: figure.value, previous: figure.previous };
      });
      return <BarListChart title={t('summaryTitle')} rows={rows} unit="money" currency={currency} valueName={t('thisPeriod')} previousLabel={t('weekEarlier')} />;
    }
    case 'sales-by-hour':
      return <SalesByHourChart rows={view.data} currency={currency} />;
    case 'sales-by-day':
      return <SalesByDayChart rows={view.data} currency={currency} />;
    case 'tender-mix':
      return <TenderMixChart rows={view.data} currency={currency} />;
    case 'top-products':
      return <BarListChart title={by === 'net' ? t('topItemsByNet', { count: CHART_ROWS }) : t('topItemsByUnits', { count: CHART_ROWS })} rows={ranked(view.data, (r) => r.variantId, variantLabel)} currency={currency} {...top} />;
    case 'top-categories':
      return (
        <BarListChart
          title={by === 'net' ? t('topCategoriesByNet') : t('topCategoriesByUnits')}
          rows={ranked(view.data, (r) => r.categoryId ?? 'none', (r) => r.name ?? (r.categoryId ? t('deletedCategory') : t('noCategory')))}
          currency={currency}
          {...top}
        />
      );
    case 'sales-by-staff':
      return <StaffChart rows={view.data.map((r) => ({ staffId: r.staffId, name: r.name ?? t('formerStaff'), sales: r.sales, orders: r.orders, tips: r.tips }))} currency={currency} />;
    case 'refunds-and-voids': {
      const d = view.data;
      const rows = [
        ...d.refunds.byReason.map((g) => ({ key: `refund-${g.reason}`, name: t('refundReason', { reason: g.reason || t('noReason') }), value: g.amount, detail: t('refunds', { count: g.count }) })),
        ...d.voids.byReason.map((g) => ({ key: `void-${g.reason}`, name: t('voidReason', { reason: g.reason || t('noReason') }), value: g.amount, detail: t('voids', { count: g.count }) })),
      ];
      return <BarListChart title={t('refundsTitle')} rows={rows} unit="money" currency={currency} valueName={t('amount')} labelWidth={140} emptyText={t('noRefunds')} />;
    }
    case 'discounts':
      return (
        <BarListChart
          title={t('discountsTitle', { count: CHART_ROWS })}
          rows={view.data.byProduct.slice(0, CHART_ROWS).map((r) => ({ key: r.variantId, name: variantLabel(r), value: r.discounts }))}
          unit="money"
          currency={currency}
          valueName={tf('discounts')}
          emptyText={t('noDiscounts')}
        />
      );
    case 'taxes':
      return (
        <BarListChart
          title={t('taxTitle')}
          rows={view.data.rates.map((r) => ({ key: String(r.rateBasisPoints), name: percent(r.rateBasisPoints), value: r.netTax }))}
          unit="money"
          currency={currency}
          valueName={tf('tax')}
          labelWidth={70}
          emptyText={t('noTax')}
        />
      );
    case 'drawer-over-short': {
      const closed = dateTimeFormat(timeZone, 'dayMonthTime', locale);
      const rows = view.data.shifts.slice(0, 20).map((s) => ({ key: s.shiftId, name: `${s.registerName} · ${closed.format(new Date(s.closedAt))}`, value: s.difference }));
      return <BarListChart title={t('drawerTitle')} rows={rows} unit="money" currency={currency} valueName={t('overShort')} labelWidth={150} emptyText={t('noShifts')} />;
    }
  }
}
