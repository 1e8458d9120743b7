'use client';

import { useTranslations } from 'next-intl';
import { useFormats } from '@/components/ui/formats';
import type { Figure, SalesSummary } from '@/lib/analytics';
import type { Formats } from '@/lib/platform/formats';

type Kind = 'money' | 'count';
type FigureKey = 'net' | 'gross' | 'discounts' | 'serviceCharge' | 'refunds' | 'tax' | 'tips' | 'orders' | 'averageTicket' | 'items' | 'covers';

/** The headline figures, in the order an owner reads them (`label`: their key in admin.figures); `lowerIsBetter` colours the change. */
export const HEADLINE: { key: FigureKey; label: FigureKey; kind: Kind; lowerIsBetter?: boolean }[] = [
  { key: 'net', label: 'net', kind: 'money' },
  { key: 'gross', label: 'gross', kind: 'money' },
  { key: 'discounts', label: 'discounts', kind: 'money', lowerIsBetter: true },
  { key: 'serviceCharge', label: 'serviceCharge', kind: 'money' },
  { key: 'refunds', label: 'refunds', kind: 'money', lowerIsBetter: true },
  { key: 'tax', label: 'tax', kind: 'money' },
  // The staff's money, beside the sales: in none of the figures above.
  { key: 'tips', label: 'tips', kind: 'money' },
  { key: 'orders', label: 'orders', kind: 'count' },
  { key: 'averageTicket', label: 'averageTicket', kind: 'money' },
  { key: 'items', label: 'items', kind: 'count' },
  { key: 'covers', label: 'covers', kind: 'count' },
];

function changeText(f: Figure, kind: Kind, currency: string, formats: Formats, noChange: string): string {
  if (f.change === 0) return noChange;
  const sign = f.change > 0 ? '+' : '−';
  const amount = kind === 'money' ? formats.money(Math.abs(f.change), currency) : formats.number(Math.abs(f.change));
  const percent = f.changeBasisPoints === null ? '' : ` (${sign}${formats.number(Number((Math.abs(f.changeBasisPoints) / 100).toFixed(Math.abs(f.changeBasisPoints) < 1000 ? 1 : 0)))} %)`;
  return `${sign}${amount}${percent}`;
}

/** One headline figure with its change against the same days a week earlier. */
export function FigureCard({ name, label, figure, kind, currency, lowerIsBetter, comparedWith }: {
  /** Its key (data-figure, for tests and tools). */
  name: string;
  label: string;
  figure: Figure;
  kind: Kind;
  currency: string;
  lowerIsBetter?: boolean;
  comparedWith: string;
}) {
  const t = useTranslations('admin.figures');
  const f = useFormats();
  const better = figure.change === 0 ? null : (figure.change > 0) !== !!lowerIsBetter;
  const tone = better === null ? 'text-slate-500' : better ? 'text-emerald-700' : 'text-red-700';
  const arrow = figure.change > 0 ? '▲' : figure.change < 0 ? '▼' : '';
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-xl font-bold tabular-nums [overflow-wrap:anywhere] 2xl:text-2xl" data-figure={name}>
        {kind === 'money' ? f.money(figure.value, currency) : f.number(figure.value)}
      </dd>
      <dd className={`mt-1 text-xs tabular-nums ${tone}`}>
        <span aria-hidden>{arrow} </span>
        {changeText(figure, kind, currency, f, t('noChange'))} <span className="text-slate-500">{t('versus', { comparedWith })}</span>
      </dd>
    </div>
  );
}

/** The headline figures as a grid of cards, each against `comparedWith` (the dashboard's and the sales summary's). */
export function HeadlineFigures({ summary, currency, comparedWith }: { summary: SalesSummary; currency: string; comparedWith: string }) {
  const t = useTranslations('admin.figures');
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5 print:grid-cols-5 print:gap-2">
      {HEADLINE.map((h) => (
        <FigureCard key={h.key} name={h.key} label={t(h.label)} figure={summary[h.key]} kind={h.kind} currency={currency} lowerIsBetter={h.lowerIsBetter} comparedWith={comparedWith} />
      ))}
    </dl>
  );
}
