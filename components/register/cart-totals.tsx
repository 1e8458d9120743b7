'use client';

import { useTranslations } from 'next-intl';
import { discountLabel , useRegisterWords } from './format';
import type { Discount, Quote } from './types';

/**
 * The server's totals for the cart. Nothing here is computed on the client: while a new quote
 * is on its way the last one stays, dimmed, with "Updating…".
 */
export function CartTotals({
  quote,
  pending,
  currency,
  pricesIncludeTax,
  orderDiscount,
  locked,
  blocked = null,
  onOrderDiscount,
}: {
  quote: Quote | null;
  pending: boolean;
  currency: string;
  pricesIncludeTax: boolean;
  orderDiscount: Discount | null;
  locked: boolean;
  /** Why the server did not price the cart (no totals until then): a discount waits for a manager, or a problem to fix. */
  blocked?: null | 'approval' | 'problem';
  onOrderDiscount: () => void;
}) {
  const w = useRegisterWords();
  const t = useTranslations('register');
  const money = (n: number) => w.f.money(n, currency);
  return (
    <div className="border-t border-slate-200 px-3 py-2 text-sm" data-testid="cart-totals" aria-busy={pending}>
      <div className="mb-1 flex items-center justify-between">
        <button
          type="button"
          onClick={onOrderDiscount}
          disabled={locked}
          className="min-h-9 rounded-lg px-2 text-sm font-semibold text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50 disabled:text-slate-400"
        >
          {orderDiscount ? t('orderDiscountEdit', { discount: discountLabel(orderDiscount, currency, w) }) : t('addOrderDiscount')}
        </button>
        <span aria-live="polite" className="text-xs text-slate-500">
          {pending ? t('updating') : ''}
        </span>
      </div>
      {blocked ? (
        // Same rows, same height: the panel does not jump while the sale waits.
        <dl className="space-y-0.5 text-slate-600">
          <div className="flex justify-between">
            <dt>{t('subtotal')}</dt>
            <dd>{blocked === 'approval' ? 'after approval' : 'not priced'}</dd>
          </div>
          <div className="flex justify-between">
            <dt>{t(pricesIncludeTax ? 'taxIncluded' : 'tax')}</dt>
            <dd>{blocked === 'approval' ? 'after approval' : 'not priced'}</dd>
          </div>
          <div className="flex items-baseline justify-between pt-1 text-xl font-bold text-slate-900" data-testid="cart-total">
            <dt>{t('total')}</dt>
            <dd className="text-base font-semibold text-slate-700">{blocked === 'approval' ? 'Waits for approval' : 'Fix the sale above'}</dd>
          </div>
        </dl>
      ) : (
        <dl className={`space-y-0.5 tabular-nums transition-opacity ${pending ? 'opacity-60' : ''}`}>
          <Row label={t('subtotal')} value={quote ? money(quote.subtotal) : '—'} />
          {quote && quote.discountTotal > 0 && <Row label={t('discounts')} value={`−${money(quote.discountTotal)}`} />}
          {quote && quote.serviceChargeTotal > 0 && <Row label={t('serviceCharge', { percent: quote.serviceChargeBasisPoints / 100 })} value={money(quote.serviceChargeTotal)} />}
          <Row label={t(pricesIncludeTax ? 'taxIncluded' : 'tax')} value={quote ? money(quote.taxTotal) : '—'} muted={pricesIncludeTax} />
          <div className="flex items-baseline justify-between pt-1 text-xl font-bold" data-testid="cart-total">
            <dt>{t('total')}</dt>
            <dd>{quote ? money(quote.total) : '—'}</dd>
          </div>
        </dl>
      )}
    </div>
  );
}

function Row({ label, value, muted = false }: { label: string; value: string; muted?: boolean }) {
  return (
    <div className={`flex justify-between ${muted ? 'text-slate-600' : ''}`}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
