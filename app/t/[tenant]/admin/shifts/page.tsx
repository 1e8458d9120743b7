import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Form from 'next/form';
import Link from 'next/link';
import { longDate } from '@/components/admin/range-form';
import { pageFormats } from '@/components/admin/page-formats';
import { differenceWords, type ShiftT, type ShiftWords } from '@/components/register/shift/report-sections';
import { buttonClass } from '@/components/ui/button';
import { controlClass } from '@/components/ui/field';
import { firstParam } from '@/components/ui/pager';
import { requireStaff } from '@/lib/auth';
import { shiftsOfDay } from '@/lib/orders';
import { addDays, businessDayOf } from '@/lib/platform/business-day';
import { dayParam } from '@/lib/platform/calendar';
import { businessDayRule } from '@/lib/tenancy';
import { ListTable, listCell, listNumberCell } from '@/components/admin/list-table';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('shifts') };
}

/**
 * Shift history for managers: every shift opened on a business day, with its Z report (or X
 * report so far) a click away to view and reprint, and the day's end-of-day summary across
 * registers.
 */
export default async function ShiftsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireStaff('reports:read');
  const f = await pageFormats();
  const t = await getTranslations('admin.shifts');
  const words: ShiftWords = { t: (await getTranslations('shift')) as unknown as ShiftT, f };
  const today = businessDayOf(new Date(), await businessDayRule(ctx)).date;
  const asked = firstParam((await searchParams).date);
  const date = asked && dayParam(asked) === asked && asked <= today ? asked : today;
  const { shifts, totals } = await shiftsOfDay(ctx, date);
  const money = (minor: number) => f.money(minor, ctx.tenant.currency);
  const time = { format: (at: Date) => f.dateTime(at, ctx.tenant.timeZone, 'time') };
  const difference = differenceWords(totals.difference, ctx.tenant.currency, words);
  const summary: [string, string][] = [
    [t('shifts'), totals.open ? t('shiftsStillOpen', { shifts: totals.shifts, open: totals.open }) : f.number(totals.shifts)],
    [t('orders'), f.number(totals.orders)],
    [t('sales'), money(totals.sales)],
    [t('refundsPaid'), money(totals.refunds)],
    [t('netSales'), money(totals.net)],
    ...totals.byTender.map((x): [string, string] => [x.tender === 'cash' ? t('cashNet') : t('cardNet'), money(x.net)]),
    [t('voidedOrders'), f.number(totals.voided)],
    [t('cashExpected'), money(totals.expectedCash)],
    [t('cashCounted'), money(totals.countedCash)],
    [difference.label, difference.value],
  ];
  return (
    <div className="max-w-5xl space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{t('title')}</h1>
          <p className="text-slate-600">{t('intro', { day: longDate(f, date, true), timeZone: ctx.tenant.timeZone })}</p>
        </div>
        <Form action="/admin/shifts" className="flex items-end gap-2">
          <label className="text-sm font-medium">
            {t('day')}
            <input type="date" name="date" defaultValue={date} max={today} className={`${controlClass} mt-1 block`} />
          </label>
          <button type="submit" className={buttonClass('secondary')}>
            {t('show')}
          </button>
          <Link href={`/admin/shifts?date=${addDays(date, -1)}`} className={buttonClass('ghost')}>
            {t('previousDay')}
          </Link>
        </Form>
      </header>

      {shifts.length > 0 && (
      <section aria-labelledby="day-summary" className="rounded-xl border border-slate-200 bg-white p-5" data-testid="day-summary">
        <h2 id="day-summary" className="text-lg font-semibold">
          {t('endOfDay')}
        </h2>
        <dl className="mt-3 grid gap-x-8 gap-y-1 text-sm sm:grid-cols-2">
          {summary.map(([label, value]) => (
            <div key={label} className="flex justify-between gap-4 border-b border-slate-100 py-1">
              <dt className="text-slate-600">{label}</dt>
              <dd className="font-medium tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      )}

      {shifts.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-10 text-center text-slate-600">{t('noShift')}</p>
      ) : (
        <ListTable
          caption={t('caption')}
          columns={[{ label: t('register') }, { label: t('opened') }, { label: t('closed') }, { label: t('netSales'), numeric: true }, { label: t('drawer'), numeric: true }]}
        >
          {shifts.map((s) => (
            <tr key={s.shiftId} className="border-t border-slate-100" data-testid="shift-row">
              <td className={listCell}>
                <Link href={`/admin/shifts/${s.shiftId}`} className="font-semibold text-brand-700 underline">
                  {s.registerName}
                </Link>
              </td>
              <td className={listCell}>
                {time.format(s.openedAt)} · {s.openedBy?.name ?? '—'}
              </td>
              <td className={listCell}>{s.closedAt ? `${time.format(s.closedAt)} · ${s.closedBy?.name ?? '—'}` : t('open')}</td>
              <td className={listNumberCell}>{money(s.sales?.net ?? s.orders.total)}</td>
              <td className={listNumberCell}>{s.difference === null ? '—' : differenceWords(s.difference, ctx.tenant.currency, words).value}</td>
            </tr>
          ))}
        </ListTable>
      )}
    </div>
  );
}
