'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { decimalToMinor, minorToDecimal, percentToBasisPoints, trimPercent } from './format';
import { Modal } from './modal';
import type { Discount } from './types';

export type DiscountTarget = { scope: 'line'; key: string; name: string; current: Discount | null } | { scope: 'order'; current: Discount | null };

/**
 * A discount on one line or on the whole order: a percentage or an amount. Over the store's
 * limit the server asks for a manager's approval (the register then asks for their PIN).
 */
export function DiscountDialog({
  target,
  currency,
  limitBasisPoints,
  onClose,
  onApply,
}: {
  target: DiscountTarget | null;
  currency: string;
  limitBasisPoints: number;
  onClose: () => void;
  onApply: (target: DiscountTarget, discount: Discount | null) => void;
}) {
  return (
    <Modal
      open={target !== null}
      onClose={onClose}
      size="sm"
      testId="discount-dialog"
      title={target?.scope === 'line' ? `Discount on ${target.name}` : 'Order discount'}
      description={`Up to ${trimPercent(limitBasisPoints)} % without a manager.`}
    >
      {target && <DiscountForm target={target} currency={currency} onApply={(d) => onApply(target, d)} />}
    </Modal>
  );
}

function DiscountForm({ target, currency, onApply }: { target: DiscountTarget; currency: string; onApply: (d: Discount | null) => void }) {
  const id = useId();
  const [kind, setKind] = useState<Discount['kind']>(target.current?.kind ?? 'percent');
  const [value, setValue] = useState(
    target.current ? (target.current.kind === 'percent' ? trimPercent(target.current.basisPoints) : minorToDecimal(target.current.amount, currency)) : '',
  );
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    if (kind === 'percent') {
      const bp = percentToBasisPoints(value);
      if (bp === null) return setError('Enter a percentage between 0.01 and 100.');
      onApply({ kind: 'percent', basisPoints: bp });
    } else {
      const amount = decimalToMinor(value, currency);
      if (amount === null || amount < 1) return setError(`Enter an amount in ${currency}.`);
      onApply({ kind: 'amount', amount });
    }
  };

  return (
    <form
      className="space-y-4 p-5"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <fieldset>
        <legend className="mb-2 text-sm font-bold">Kind</legend>
        <div className="grid grid-cols-2 gap-2">
          {(['percent', 'amount'] as const).map((k) => (
            <label
              key={k}
              className="flex min-h-11 cursor-pointer items-center justify-center rounded-lg border-2 border-slate-200 text-sm font-semibold has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600"
            >
              <input type="radio" name="kind" className="sr-only" checked={kind === k} onChange={() => setKind(k)} />
              {kind === k && <span aria-hidden="true">✓&nbsp;</span>}
              {k === 'percent' ? 'Percent %' : `Amount ${currency}`}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="space-y-1">
        <label htmlFor={`${id}-value`} className="block text-sm font-bold">
          {kind === 'percent' ? 'Percent off' : `Amount off (${currency})`}
        </label>
        <input
          id={`${id}-value`}
          data-autofocus
          inputMode="decimal"
          autoComplete="off"
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="block min-h-12 w-full rounded-lg border border-slate-300 px-3 text-lg tabular-nums focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-600"
        />
        {error && (
          <p id={`${id}-error`} className="text-sm text-red-700" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="flex justify-between gap-2">
        {target.current ? (
          <Button variant="danger" onClick={() => onApply(null)}>
            Remove discount
          </Button>
        ) : (
          <span />
        )}
        <Button type="submit">Apply</Button>
      </div>
    </form>
  );
}
