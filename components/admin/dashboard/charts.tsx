'use client';

import { useId, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney, minorDigits } from '@/lib/platform/money';
import { formatDay } from '@/lib/platform/format-time';

const BRAND = '#147f49'; // --color-brand-600
const MUTED = '#94a3b8';
const NEGATIVE = '#b91c1c'; // red-700
const TENDER_COLOURS: Record<string, string> = { cash: BRAND, card: '#2563eb' };

type Money = (minor: number) => string;
const moneyIn = (currency: string): Money => (minor) => formatMoney(minor, currency);
/** Axis ticks: whole major units, no decimals, so the axis stays narrow. */
const compact = (currency: string) => {
  const format = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
  const scale = 10 ** minorDigits(currency);
  return (minor: number) => format.format(minor / scale);
};

/**
 * A chart with its figures also as a table: the chart is a picture for sighted users, the
 * table (visually hidden) is what a screen reader reads, so nothing is only in the picture.
 */
function ChartFrame({ title, rows, empty, emptyText = 'No sales in this range yet.', action, children }: {
  title: string;
  rows: [string, string][];
  empty: boolean;
  emptyText?: string;
  action?: React.ReactNode;
  children: React.ReactNode;
}) {
  const id = useId();
  return (
    <figure aria-labelledby={id} className="rounded-xl border border-slate-200 bg-white p-4">
      <div className="flex items-start justify-between gap-2">
        <figcaption id={id} className="text-sm font-semibold text-slate-700">
          {title}
        </figcaption>
        {action}
      </div>
      {empty ? (
        <p className="flex h-48 items-center justify-center text-sm text-slate-500">{emptyText}</p>
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
  const money = moneyIn(currency);
  const data = rows.map((r) => ({ ...r, label: hourLabel(r.hour) }));
  return (
    <ChartFrame title="Net sales by hour of day" rows={data.map((r) => [r.label, `${money(r.net)} · ${r.orders} orders`])} empty={rows.every((r) => r.net === 0 && r.orders === 0)}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ left: 0, right: 8 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" />
          <YAxis tickFormatter={compact(currency)} tick={{ fontSize: 12 }} width={48} />
          <Tooltip formatter={(v) => money(Number(v))} labelFormatter={(l) => `From ${l}`} />
          <Bar dataKey="net" name="Net sales" fill={BRAND} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

export function SalesByDayChart({ rows, currency }: { rows: { date: string; net: number; orders: number }[]; currency: string }) {
  const money = moneyIn(currency);
    const data = rows.map((r) => ({ ...r, label: formatDay(r.date, 'dayMonth') }));
  return (
    <ChartFrame title="Net sales by day" rows={data.map((r) => [r.label, `${money(r.net)} · ${r.orders} orders`])} empty={rows.every((r) => r.net === 0 && r.orders === 0)}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ left: 0, right: 8 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" />
          <YAxis tickFormatter={compact(currency)} tick={{ fontSize: 12 }} width={48} />
          <Tooltip formatter={(v) => money(Number(v))} />
          <Line dataKey="net" name="Net sales" stroke={BRAND} strokeWidth={2} dot={rows.length <= 31} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

export function TenderMixChart({ rows, currency }: { rows: { tender: string; net: number; payments: number; shareBasisPoints: number }[]; currency: string }) {
  const money = moneyIn(currency);
  const data = rows.map((r) => ({ ...r, label: r.tender === 'cash' ? 'Cash' : r.tender === 'card' ? 'Card' : r.tender }));
  const share = (bp: number) => `${(bp / 100).toFixed(bp % 100 === 0 ? 0 : 1)} %`;
  return (
    <ChartFrame title="Payment methods" rows={data.map((r) => [r.label, `${money(r.net)} · ${share(r.shareBasisPoints)} · ${r.payments} payments`])} empty={rows.length === 0}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16 }}>
          <XAxis type="number" tickFormatter={compact(currency)} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="label" tick={{ fontSize: 12 }} width={48} />
          <Tooltip formatter={(v, _n, item) => `${money(Number(v))} (${share((item.payload as { shareBasisPoints: number }).shareBasisPoints)})`} />
          <Bar dataKey="net" name="Kept" isAnimationActive={false}>
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
 * A list as horizontal bars, in the order given: money in `currency` or a count (`countLabel`:
 * "3 sold"). A negative value (a short drawer, refunds above sales) is drawn red to the left.
 * With `previousLabel`, each row's `previous` is a muted bar beside it.
 */
export function BarListChart({ title, rows, unit, currency, valueName = title, countLabel, previousLabel, labelWidth = 110, emptyText, action }: {
  title: string;
  /** The bar's name in the tooltip. */
  valueName?: string;
  rows: BarRow[];
  unit: 'money' | 'count';
  currency: string;
  countLabel?: string;
  previousLabel?: string;
  labelWidth?: number;
  emptyText?: string;
  action?: React.ReactNode;
}) {
  const money = moneyIn(currency);
  const format = (v: number) => (unit === 'money' ? money(v) : countLabel ? `${v} ${countLabel}` : v.toLocaleString('en'));
  const read = (r: BarRow) => [format(r.value), previousLabel && r.previous !== undefined ? `${previousLabel}: ${format(r.previous)}` : null, r.detail].filter(Boolean).join(' · ');
  return (
    <ChartFrame title={title} rows={rows.map((r) => [r.name, read(r)])} empty={rows.length === 0} emptyText={emptyText} action={action}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }}>
          <XAxis type="number" tickFormatter={unit === 'money' ? compact(currency) : undefined} tick={{ fontSize: 12 }} allowDecimals={false} />
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
  const [by, setBy] = useState<'net' | 'quantity'>('net');
  const rows = (by === 'net' ? byNet : byQuantity).map((r) => ({ key: r.key, name: r.name, value: by === 'net' ? r.net : r.quantity }));
  const toggle = (
    <div role="group" aria-label={`${title}: rank by`} className="flex gap-1 text-xs">
      {(['net', 'quantity'] as const).map((b) => (
        <button
          key={b}
          type="button"
          aria-pressed={by === b}
          onClick={() => setBy(b)}
          className={`rounded-md px-2 py-1 font-semibold ${by === b ? 'bg-brand-700 text-white' : 'bg-slate-100 text-slate-700 hover:bg-slate-200'}`}
        >
          {b === 'net' ? 'Net sales' : 'Units'}
        </button>
      ))}
    </div>
  );
  return <BarListChart title={`${title} by ${by === 'net' ? 'net sales' : 'units sold'}`} rows={rows} unit={by === 'net' ? 'money' : 'count'} valueName={by === 'net' ? 'Net sales' : 'Units'} countLabel="sold" currency={currency} action={toggle} />;
}

export function StaffChart({ rows, currency }: { rows: { staffId: string; name: string; sales: number; orders: number; tips: number }[]; currency: string }) {
  return (
    <BarListChart
      title="Sales by staff member"
      rows={rows.map((r) => ({ key: r.staffId, name: r.name, value: r.sales, detail: `${r.orders} orders${r.tips ? ` · ${formatMoney(r.tips, currency)} tips` : ''}` }))}
      unit="money"
      valueName="Sales"
      currency={currency}
      labelWidth={90}
    />
  );
}
