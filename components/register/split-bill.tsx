'use client';

import { useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import { variantLabel } from '@/lib/catalog/labels';
import { Button } from '@/components/ui/button';
import { useRegisterWords } from './format';
import { useApiErrorText } from './api-errors';
import type { SplitPlan, SplitResult } from './order-payment';
import { itemPlan, partOfWhole, wholeLineTo, unitsOf, type UnitsByLine } from './split-units';
import type { Order, SplitPart } from './types';

/**
 * Splitting the bill in the payment dialog: by seat (the seats set on the lines; lines without
 * one are shared), into equal shares, or by item (a line to a part, or its units shared out
 * between parts: 2 of 4 beers each, split-units.ts). The server makes the
 * parts (lib/orders/split.ts) so they always add up to the order's total; a part that has
 * money on it stays as it is.
 */
export function SplitPlanner({ order, busy, onSplit, onCancel }: { order: Order; busy: boolean; onSplit: (plan: SplitPlan) => Promise<SplitResult>; onCancel: () => void }) {
  const w = useRegisterWords();
  const t = useTranslations('payment');
  const tc = useTranslations('common');
  const errorText = useApiErrorText();
  const id = useId();
  const seats = new Set(order.lines.flatMap((l) => (l.seat ? [l.seat] : [])));
  const [kind, setKind] = useState<SplitPlan['kind']>(order.type === 'dine_in' && seats.size >= 2 ? 'seat' : 'equal');
  const [shares, setShares] = useState(2);
  const [partCount, setPartCount] = useState(2);
  const [units, setUnits] = useState<UnitsByLine>({});
  /** Lines whose units are being shared out between parts (their per-part counts are shown). */
  const [sharing, setSharing] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);

  const plan = (): SplitPlan | null => {
    if (kind === 'seat') return { kind: 'seat' };
    if (kind === 'equal') return { kind: 'equal', shares };
    const { parts } = itemPlan(order.lines, units, partCount);
    return parts.length >= 2 ? { kind: 'item', parts } : null;
  };
  const uneven = kind === 'item' ? itemPlan(order.lines, units, partCount).uneven : [];

  const submit = async () => {
    const off = uneven[0] && order.lines.find((l) => l.id === uneven[0]!.lineId);
    if (off) return setError(t('shareEveryUnit', { item: variantLabel(off), shared: uneven[0]!.shared, quantity: uneven[0]!.quantity }));
    const chosen = plan();
    if (!chosen) return setError(t('twoParts'));
    setError(null);
    const result = await onSplit(chosen);
    if (!result.ok) setError(errorText(result.message));
  };

  const options: { value: SplitPlan['kind']; label: string; off?: string }[] = [
    { value: 'seat', label: t('bySeat'), off: order.type !== 'dine_in' ? t('dineInOnly') : seats.size < 2 ? t('setSeatsFirst') : undefined },
    { value: 'equal', label: t('equalShares') },
    { value: 'item', label: t('byItem') },
  ];
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3 rounded-xl border-2 border-slate-200 p-4" data-testid="split-planner">
      <h3 id={`${id}-title`} className="text-base font-bold">
        {t('splitTheBill')}
      </h3>
      <fieldset>
        <legend className="sr-only">{t('howToSplit')}</legend>
        <div className="grid grid-cols-3 gap-2">
          {options.map((o) => (
            <label
              key={o.value}
              className="flex min-h-12 cursor-pointer flex-col justify-center rounded-lg border-2 border-slate-200 px-2 text-center text-sm font-bold has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:disabled]:cursor-not-allowed has-[:disabled]:bg-slate-100 has-[:disabled]:text-slate-500 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600"
            >
              <input type="radio" name={`${id}-kind`} className="sr-only" checked={kind === o.value} disabled={busy || o.off !== undefined} onChange={() => setKind(o.value)} />
              {o.label}
              {o.off && <span className="block text-xs font-semibold">{o.off}</span>}
            </label>
          ))}
        </div>
      </fieldset>
      {kind === 'equal' && (
        <Count id={`${id}-shares`} label={t('numberOfShares')} value={shares} onChange={setShares} />
      )}
      {kind === 'item' && (
        <div className="space-y-2">
          <Count id={`${id}-parts`} label={t('numberOfParts')} value={partCount} onChange={setPartCount} />
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200">
            {order.lines.map((l) => {
              const whole = partOfWhole(l, units, partCount);
              const shared = l.quantity > 1 && (sharing.has(l.id) || whole === null);
              return (
                <li key={l.id} className="space-y-2 px-3 py-2 text-sm" data-testid="split-line">
                  <div className="flex items-center justify-between gap-2">
                    <span>
                      {l.quantity} × {variantLabel(l)} <span className="tabular-nums text-slate-600">{w.f.money(l.total, order.currency)}</span>
                    </span>
                    <span className="flex items-center gap-2">
                      {!shared && (
                        <label className="flex items-center gap-1 font-semibold">
                          <span className="sr-only">{t('partFor', { item: variantLabel(l) })}</span>
                          <select
                            value={whole ?? 0}
                            onChange={(e) => setUnits({ ...units, [l.id]: wholeLineTo(l, Number(e.target.value), partCount) })}
                            className="min-h-10 rounded-lg border border-slate-300 bg-white px-2"
                          >
                            {Array.from({ length: partCount }, (_, i) => (
                              <option key={i} value={i}>
                                {t('partN', { n: i + 1 })}
                              </option>
                            ))}
                          </select>
                        </label>
                      )}
                      {l.quantity > 1 && (
                        <Button
                          variant="ghost"
                          className="min-h-10 px-2"
                          aria-expanded={shared}
                          onClick={() => {
                            const next = new Set(sharing);
                            if (shared) next.delete(l.id);
                            else next.add(l.id);
                            setSharing(next);
                            setUnits({ ...units, [l.id]: shared ? wholeLineTo(l, whole ?? 0, partCount) : unitsOf(l, units, partCount) });
                          }}
                        >
                          {shared ? t('onePart') : t('shareUnits')}
                        </Button>
                      )}
                    </span>
                  </div>
                  {shared && (
                    <div className="flex flex-wrap gap-3" role="group" aria-label={t('unitsPerPart', { item: variantLabel(l) })}>
                      {unitsOf(l, units, partCount).map((n, i) => (
                        <label key={i} className="flex items-center gap-1 font-semibold">
                          {t('partN', { n: i + 1 })}
                          <input
                            type="number"
                            min={0}
                            max={l.quantity}
                            value={n}
                            aria-label={t('unitsInPart', { item: variantLabel(l), n: i + 1 })}
                            onChange={(e) => {
                              const next = unitsOf(l, units, partCount);
                              next[i] = Math.max(0, Math.min(l.quantity, Math.round(Number(e.target.value) || 0)));
                              setUnits({ ...units, [l.id]: next });
                            }}
                            className="min-h-10 w-16 rounded-lg border border-slate-300 px-2 tabular-nums"
                          />
                        </label>
                      ))}
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {kind === 'seat' && <p className="text-sm text-slate-700">{t('seatHint')}</p>}
      {error && (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm font-semibold text-red-900">
          {error}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => void submit()} disabled={busy} data-testid="split-confirm">
          {t('split')}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          {tc('cancel')}
        </Button>
      </div>
    </section>
  );
}

function Count({ id, label, value, onChange }: { id: string; label: string; value: number; onChange: (n: number) => void }) {
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm font-semibold">
        {label}
      </label>
      <input
        id={id}
        type="number"
        min={2}
        max={50}
        value={value}
        onChange={(e) => onChange(Math.max(2, Math.min(50, Math.round(Number(e.target.value) || 2))))}
        className="min-h-10 w-20 rounded-lg border border-slate-300 px-2 tabular-nums"
      />
    </div>
  );
}

/** The parts of a split bill: pick the one being paid; each shows its balance and links its receipt. */
export function SplitParts({ order, parts, selected, disabled, onSelect }: { order: Order; parts: SplitPart[]; selected: string | null; disabled: boolean; onSelect: (partId: string) => void }) {
  const w = useRegisterWords();
  const t = useTranslations('payment');
  const money = (n: number) => w.f.money(n, order.currency);
  return (
    <fieldset data-testid="split-parts">
      <legend className="text-sm font-semibold text-slate-600">{t('splitBill')}</legend>
      <ul className="mt-1 space-y-1">
        {parts.map((p) => (
          <li key={p.id}>
            <label
              className={`flex min-h-11 items-center justify-between gap-2 rounded-lg border-2 px-2 text-sm ${selected === p.id ? 'border-brand-600 bg-brand-50' : 'border-slate-200 bg-white'} ${p.balanceDue === 0 ? 'text-slate-600' : ''}`}
              data-testid="split-part"
            >
              <span className="flex items-center gap-2">
                <input type="radio" name="split-part" checked={selected === p.id} disabled={disabled || p.balanceDue === 0} onChange={() => onSelect(p.id)} />
                <span className="font-semibold">{p.label}</span>
              </span>
              <span className="text-right tabular-nums">
                {p.balanceDue === 0 ? t('partPaid', { amount: money(p.amount) }) : p.paidTotal > 0 ? t('partDueOf', { due: money(p.balanceDue), amount: money(p.amount) }) : money(p.amount)}
              </span>
            </label>
            {p.paidTotal > 0 && (
              <a
                href={`/api/v1/orders/${encodeURIComponent(order.id)}/receipt?part=${encodeURIComponent(p.id)}`}
                target="_blank"
                rel="noreferrer"
                className="ml-2 text-xs font-semibold text-brand-700 underline underline-offset-2"
              >
                {t('receiptFor', { part: p.label })}
              </a>
            )}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
