'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormats } from '@/components/ui/formats';
import { INTL_LOCALE, type Locale } from '@/lib/platform/locale';
import { minorDigits } from '@/lib/platform/money';

const BRAND = '#147f49'; // --color-brand-600
const MUTED = '#94a3b8';
const NEGATIVE = '#b91c1c'; // red-700
const TENDER_COLOURS: Record<string, string> = { cash: BRAND, card: '#2563eb' };

/** Axis ticks: whole major units, no decimals, so the axis stays narrow. */
const compact = (currency: string, locale: Locale) => {
  const format = new Intl.NumberFormat(INTL_LOCALE[locale], { notation: 'compact', maximumFractionDigits: 1 });
  const scale = 10 ** minorDigits(currency);
  return (minor: number) => format.format(minor / scale);
};

/**
 * A chart with its figures also as a table: the chart is a picture for sighted users, the
 * table (visually hidden) is what a screen reader reads, so nothing is only in the picture.
 */
function ChartFrame({ title, rows, empty, emptyText, action, children }: {
  title: string;
  rows: [string, string][];
  empty: boolean;
  emptyText?: string;
  action?: React.ReactNode;
  children: React.ReactNode;
}) {
  const id = useId();
  const t = useTranslations('admin.charts');
  return (
    <figure aria-labelledby={id} className="rounded-xl border border-slate-200 bg-white p-4">
      <div className="flex items-start justify-between gap-2">
        <figcaption id={id} className="text-sm font-semibold text-slate-700">
          {title}
        </figcaption>
        {action}
      </div>
      {empty ? (
        <p className="flex h-48 items-center justify-center text-sm text-slate-500">{emptyText ?? t('noSales')}</p>
      ) : (
        <>
          <div className="mt-3 h-56" aria-hidden>
            {children}
          </div>
          {/* A table ignores the 1 px width sr-only gives it: the wrapper clips it instead (no sideways scroll on a phone). */}
          <div className="sr-only">
            <table>
              <tbody>
                {rows.map(([label, value]) => (
                  <tr key={label}>
                    <th scope="row">{label}</th>
                    <td>{value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </figure>
  );
}

const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

export function SalesByHourChart({ rows, currency }: { rows: { hour: number; net: number; orders: number }[]; currency: string }) {
  const t = useTranslations('admin.charts');
  const f = useFormats();
  const data = rows.map((r) => ({ ...r, label: hourLabel(r.hour) }));
  return (
    <ChartFrame title={t('byHour')} rows={data.map((r) => [r.label, t('netOrders', { net: f.money(r.net, currency), orders: r.orders })])} empty={rows.every((r) => r.net === 0 && r.orders === 0)}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ left: 0, right: 8 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" />
          <YAxis tickFormatter={compact(currency, f.locale)} tick={{ fontSize: 12 }} width={48} />
          <Tooltip formatter={(v) => f.money(Number(v), currency)} labelFormatter={(l) => t('fromHour', { hour: String(l) })} />
          <Bar dataKey="net" name={t('netSales')} fill={BRAND} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

export function SalesByDayChart({ rows, currency }: { rows: { date: string; net: number; orders: number }[]; currency: string }) {
  const t = useTranslations('admin.charts');
  const f = useFormats();
  const data = rows.map((r) => ({ ...r, label: f.day(r.date, 'dayMonth') }));
  return (
    <ChartFrame title={t('byDay')} rows={data.map((r) => [r.label, t('netOrders', { net: f.money(r.net, currency), orders: r.orders })])} empty={rows.every((r) => r.net === 0 && r.orders === 0)}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ left: 0, right: 8 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" />
          <YAxis tickFormatter={compact(currency, f.locale)} tick={{ fontSize: 12 }} width={48} />
          <Tooltip formatter={(v) => f.money(Number(v), currency)} />
          <Line dataKey="net" name={t('netSales')} stroke={BRAND} strokeWidth={2} dot={rows.length <= 31} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

export function TenderMixChart({ rows, currency }: { rows: { tender: string; net: number; payments: number; shareBasisPoints: number }[]; currency: string }) {
  const t = useTranslations('admin.charts');
  const f = useFormats();
  const money = (minor: number) => f.money(minor, currency);
  const data = rows.map((r) => ({ ...r, label: r.tender === 'cash' ? t('cash') : r.tender === 'card' ? t('card') : r.tender }));
  const share = (bp: number) => t('percent', { value: f.number(Number((bp / 100).toFixed(bp % 100 === 0 ? 0 : 1))) });
  return (
    <ChartFrame title={t('tenders')} rows={data.map((r) => [r.label, t('tenderRow', { net: money(r.net), share: share(r.shareBasisPoints), payments: r.payments })])} empty={rows.length === 0}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16 }}>
          <XAxis type="number" tickFormatter={compact(currency, f.locale)} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="label" tick={{ fontSize: 12 }} width={48} />
          <Tooltip formatter={(v, _n, item) => `${money(Number(v))} (${share((item.payload as { shareBasisPoints: number }).shareBasisPoints)})`} />
          <Bar dataKey="net" name={t('kept')} isAnimationActive={false}>
            {data.map((r) => (
              <Cell key={r.tender} fill={TENDER_COLOURS[r.tender] ?? MUTED} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

/** One bar of a BarListChart: `value` in the chart's unit, `previous` a second (muted) bar, `detail` read out beside the value. */
export type BarRow = { key: string; name: string; value: number; previous?: number; detail?: string };

/**
 * A list as horizontal bars, in the order given: money in `currency` or a count (`countLabel`
 * writes it: "3 sold"). A negative value (a short drawer, refunds above sales) is drawn red to the left.
 * With `previousLabel`, each row's `previous` is a muted bar beside it.
 */
export function BarListChart({ title, rows, unit, currency, valueName = title, countLabel, previousLabel, labelWidth = 110, emptyText, action }: {
  title: string;
  /** The bar's name in the tooltip. */
  valueName?: string;
  rows: BarRow[];
  unit: 'money' | 'count';
  currency: string;
  countLabel?: (count: string) => string;
  previousLabel?: string;
  labelWidth?: number;
  emptyText?: string;
  action?: React.ReactNode;
}) {
  const f = useFormats();
  const format = (v: number) => (unit === 'money' ? f.money(v, currency) : countLabel ? countLabel(f.number(v)) : f.number(v));
  const read = (r: BarRow) => [format(r.value), previousLabel && r.previous !== undefined ? `${previousLabel}: ${format(r.previous)}` : null, r.detail].filter(Boolean).join(' · ');
  return (
    <ChartFrame title={title} rows={rows.map((r) => [r.name, read(r)])} empty={rows.length === 0} emptyText={emptyText} action={action}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }}>
          <XAxis type="number" tickFormatter={unit === 'money' ? compact(currency, f.locale) : f.number} tick={{ fontSize: 12 }} allowDecimals={false} />
          <YAxis type="category" dataKey="name" tick={{ fontSize: 12 }} width={labelWidth} />
          <Tooltip formatter={(v) => format(Number(v))} />
          <Bar dataKey="value" name={valueName} fill={BRAND} radius={[0, 3, 3, 0]} isAnimationActive={false}>
            {rows.map((r) => (
              <Cell key={r.key} fill={r.value < 0 ? NEGATIVE : BRAND} />
            ))}
          </Bar>
          {previousLabel && <Bar dataKey="previous" name={previousLabel} fill={MUTED} radius={[0, 3, 3, 0]} isAnimationActive={false} />}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

type Ranked = { key: string; name: string; net: number; quantity: number };

/** Top products or categories, by net sales or by units, switched in place. */
export function TopChart({ title, byNet, byQuantity, currency }: { title: string; byNet: Ranked[]; byQuantity: Ranked[]; currency: string }) {
  const t = useTranslations('admin.charts');
  const [by, setBy] = useState<'net' | 'quantity'>('net');
  const rows = (by === 'net' ? byNet : byQuantity).map((r) => ({ key: r.key, name: r.name, value: by === 'net' ? r.net : r.quantity }));
  const toggle = (
    <div role="group" aria-label={t('rankBy', { title })} className="flex gap-1 text-xs">
      {(['net', 'quantity'] as const).map((b) => (
        <button
          key={b}
          type="button"
          aria-pressed={by === b}
          onClick={() => setBy(b)}
          className={`rounded-md px-2 py-1 font-semibold ${by === b ? 'bg-brand-700 text-white' : 'bg-slate-100 text-slate-700 hover:bg-slate-200'}`}
        >
          {b === 'net' ? t('netSales') : t('units')}
        </button>
      ))}
    </div>
  );
  return (
    <BarListChart
      title={by === 'net' ? t('topByNet', { title }) : t('topByUnits', { title })}
      rows={rows}
      unit={by === 'net' ? 'money' : 'count'}
      valueName={by === 'net' ? t('netSales') : t('units')}
      countLabel={(count) => t('sold', { count })}
      currency={currency}
      action={toggle}
    />
  );
}

export function StaffChart({ rows, currency }: { rows: { staffId: string; name: string; sales: number; orders: number; tips: number }[]; currency: string }) {
  const t = useTranslations('admin.charts');
  const f = useFormats();
  return (
    <BarListChart
      title={t('byStaff')}
      rows={rows.map((r) => ({ key: r.staffId, name: r.name, value: r.sales, detail: r.tips ? t('ordersTips', { orders: r.orders, tips: f.money(r.tips, currency) }) : t('orders', { orders: r.orders }) }))}
      unit="money"
      valueName={t('sales')}
      currency={currency}
      labelWidth={90}
    />
  );
}
