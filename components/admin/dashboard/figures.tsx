import type { Figure, SalesSummary } from '@/lib/analytics';
import { formatMoney } from '@/lib/platform/money';

type Kind = 'money' | 'count';
type FigureKey = Exclude<keyof SalesSummary, 'from' | 'to' | 'previous'>;

/** The headline figures, in the order an owner reads them; `lowerIsBetter` colours the change. */
export const HEADLINE: { key: FigureKey; label: string; kind: Kind; lowerIsBetter?: boolean }[] = [
  { key: 'net', label: 'Net sales', kind: 'money' },
  { key: 'gross', label: 'Gross sales', kind: 'money' },
  { key: 'discounts', label: 'Discounts', kind: 'money', lowerIsBetter: true },
  { key: 'serviceCharge', label: 'Service charge', kind: 'money' },
  { key: 'refunds', label: 'Refunds', kind: 'money', lowerIsBetter: true },
  { key: 'tax', label: 'Tax', kind: 'money' },
  // The staff's money, beside the sales: in none of the figures above.
  { key: 'tips', label: 'Tips', kind: 'money' },
  { key: 'orders', label: 'Orders', kind: 'count' },
  { key: 'averageTicket', label: 'Average ticket', kind: 'money' },
  { key: 'items', label: 'Items sold', kind: 'count' },
  { key: 'covers', label: 'Covers', kind: 'count' },
];

function changeText(f: Figure, kind: Kind, currency: string): string {
  if (f.change === 0) return 'No change';
  const sign = f.change > 0 ? '+' : '−';
  const amount = kind === 'money' ? formatMoney(Math.abs(f.change), currency) : Math.abs(f.change).toLocaleString('en');
  const percent = f.changeBasisPoints === null ? '' : ` (${sign}${(Math.abs(f.changeBasisPoints) / 100).toFixed(Math.abs(f.changeBasisPoints) < 1000 ? 1 : 0)} %)`;
  return `${sign}${amount}${percent}`;
}

/** One headline figure with its change against the same days a week earlier. */
export function FigureCard({ label, figure, kind, currency, lowerIsBetter, comparedWith }: {
  label: string;
  figure: Figure;
  kind: Kind;
  currency: string;
  lowerIsBetter?: boolean;
  comparedWith: string;
}) {
  const better = figure.change === 0 ? null : (figure.change > 0) !== !!lowerIsBetter;
  const tone = better === null ? 'text-slate-500' : better ? 'text-emerald-700' : 'text-red-700';
  const arrow = figure.change > 0 ? '▲' : figure.change < 0 ? '▼' : '';
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-xl font-bold tabular-nums [overflow-wrap:anywhere] 2xl:text-2xl" data-figure={label}>
        {kind === 'money' ? formatMoney(figure.value, currency) : figure.value.toLocaleString('en')}
      </dd>
      <dd className={`mt-1 text-xs tabular-nums ${tone}`}>
        <span aria-hidden>{arrow} </span>
        {changeText(figure, kind, currency)} <span className="text-slate-500">vs {comparedWith}</span>
      </dd>
    </div>
  );
}

/** The headline figures as a grid of cards, each against `comparedWith` (the dashboard's and the sales summary's). */
export function HeadlineFigures({ summary, currency, comparedWith }: { summary: SalesSummary; currency: string; comparedWith: string }) {
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5 print:grid-cols-5 print:gap-2">
      {HEADLINE.map((h) => (
        <FigureCard key={h.key} label={h.label} figure={summary[h.key]} kind={h.kind} currency={currency} lowerIsBetter={h.lowerIsBetter} comparedWith={comparedWith} />
      ))}
    </dl>
  );
}
