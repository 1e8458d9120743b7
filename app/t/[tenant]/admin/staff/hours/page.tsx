import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Form from 'next/form';
import { AddHoursForm, CorrectEntryForm } from '@/components/admin/time-clock-forms';
import { longDate } from '@/components/admin/range-form';
import { pageFormats } from '@/components/admin/page-formats';
import type { Formats } from '@/lib/platform/formats';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { firstParam } from '@/components/ui/pager';
import { hoursSheet, listStaff, requireStaff, type HoursSheet } from '@/lib/auth';
import { addDays, businessDayOf } from '@/lib/platform/business-day';
import { dayParam, localDateTime } from '@/lib/platform/calendar';
import { AppError } from '@/lib/platform/errors';
import { businessDayRule } from '@/lib/tenancy';
import { addHoursAction, correctEntryAction } from './actions';
import { BackLink } from '@/components/admin/back-link';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('hours') };
}

/** "2026-03-02T09:05": an instant as the tenant's wall clock, as a datetime-local field takes it. */
const wall = (at: Date, timeZone: string) => localDateTime(at, timeZone).slice(0, 16).replace(' ', 'T');

/**
 * Hours worked from the time clock: per person per business day (this week unless asked), the
 * entries behind them with corrections, forgotten hours, and a CSV for payroll.
 */
export default async function HoursPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireStaff('timeclock:manage');
  const f = await pageFormats();
  const params = await searchParams;
  const today = businessDayOf(new Date(), await businessDayRule(ctx)).date;
  const monday = addDays(today, -((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7));
  const from = dayParam(firstParam(params.from)) ?? monday;
  const to = dayParam(firstParam(params.to)) ?? addDays(from, 6);
  const zone = ctx.tenant.timeZone;
  const [staff, result] = await Promise.all([
    listStaff(ctx),
    hoursSheet(ctx, from, to).catch((err: unknown) => (err instanceof AppError ? err.message : Promise.reject(err))),
  ]);
  const when = { format: (at: Date) => f.dateTime(at, zone) };
  const t = await getTranslations('admin.hours');

  return (
    <div className="max-w-6xl space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <BackLink href="/admin/staff">{t('staff')}</BackLink>
          <h1 className="text-2xl font-bold">{t('title')}</h1>
          <p className="text-slate-600">{t('intro', { timeZone: zone })}</p>
        </div>
        <Form action="/admin/staff/hours" className="flex flex-wrap items-end gap-2">
          <TextField label={t('from')} name="from" type="date" defaultValue={from} />
          <TextField label={t('to')} name="to" type="date" defaultValue={to} />
          <button type="submit" className={buttonClass('secondary')}>
            {t('show')}
          </button>
          <a href={`/api/v1/time-clock/export?${new URLSearchParams({ from, to })}`} className={buttonClass('ghost')} download>
            {t('downloadCsv')}
          </a>
        </Form>
      </header>

      {typeof result === 'string' ? (
        <Alert tone="error">{result}</Alert>
      ) : (
        <>
          <HoursTable sheet={result} f={f} t={t} />
          <section aria-labelledby="entries" className="rounded-xl border border-slate-200 bg-white">
            <h2 id="entries" className="border-b border-slate-200 px-4 py-3 text-lg font-semibold">
              {t('entries')}
            </h2>
            {result.entries.length === 0 ? (
              <p className="px-4 py-3 text-sm text-slate-600">{t('nobody')}</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {result.entries.map((e) => (
                  <li key={e.id} className="flex flex-wrap items-start justify-between gap-2 px-4 py-3 text-sm" data-testid="time-entry">
                    <div>
                      <p className="font-medium">{e.name}</p>
                      <p className="text-slate-600">
                        {when.format(e.clockedInAt)} – {e.clockedOutAt ? when.format(e.clockedOutAt) : <strong>{t('stillIn')}</strong>}
                        {e.clockedOutAt && ` · ${f.duration(e.clockedOutAt.getTime() - e.clockedInAt.getTime())}`}
                        {e.corrected && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">{t('corrected')}</span>}
                      </p>
                    </div>
                    <div className="text-right">
                      <CorrectEntryForm
                        entry={{ id: e.id, name: e.name, clockedInAt: wall(e.clockedInAt, zone), clockedOutAt: e.clockedOutAt && wall(e.clockedOutAt, zone) }}
                        action={correctEntryAction}
                      />
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}

      <section aria-labelledby="add-hours" className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="add-hours" className="mb-3 text-lg font-semibold">
          {t('addTitle')}
        </h2>
        <AddHoursForm staff={staff.filter((s) => s.active).map((s) => ({ id: s.id, name: s.name }))} action={addHoursAction} />
      </section>
    </div>
  );
}

function HoursTable({ sheet, f, t }: { sheet: HoursSheet; f: Formats; t: Awaited<ReturnType<typeof getTranslations<'admin.hours'>>> }) {
  if (sheet.people.length === 0) return <p className="text-slate-600">{t('noHours', { from: longDate(f, sheet.from), to: longDate(f, sheet.to) })}</p>;
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="hours-table">
        <caption className="sr-only">{t('caption')}</caption>
        <thead className="bg-slate-50 text-xs uppercase text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-3">{t('staffMember')}</th>
            {sheet.days.map((d) => (
              <th key={d} scope="col" className="px-3 py-3 text-right whitespace-nowrap">{longDate(f, d)}</th>
            ))}
            <th scope="col" className="px-4 py-3 text-right">{t('total')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {sheet.people.map((p) => (
            <tr key={p.userId}>
              <th scope="row" className="px-4 py-3 font-medium whitespace-nowrap">
                {p.name}
                {p.open && <span className="ml-2 text-xs font-normal text-brand-800">{t('clockedInBadge')}</span>}
              </th>
              {sheet.days.map((d) => (
                <td key={d} className="px-3 py-3 text-right tabular-nums whitespace-nowrap">{p.byDay[d] ? f.duration(p.byDay[d]) : '—'}</td>
              ))}
              <td className="px-4 py-3 text-right font-semibold tabular-nums whitespace-nowrap">{f.duration(p.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
