'use client';

import { useEffect, useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import { useApiErrorText } from './api-errors';
import { api } from './api';
import { useRegisterWords } from './format';
import type { AttachedCustomer, CartApi } from './use-cart';

type FoundCustomer = { id: string; name: string; phone: string | null; pointsBalance: number };

const control =
  'block min-h-10 w-full rounded-lg border border-slate-300 bg-white px-2 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 disabled:bg-slate-100';
const smallButton = 'min-h-10 rounded-lg px-3 text-sm font-semibold ring-1 ring-slate-300 hover:bg-slate-50 disabled:text-slate-400';

/**
 * The customer of the sale: search by phone or name and attach with one tap (or add a new one
 * from what was typed); once attached, their points and — when the business has a reward and the
 * balance covers it — how many rewards to redeem as the order discount.
 */
export function CustomerPicker({ cart, locked, currency, reward }: { cart: CartApi; locked: boolean; currency: string; reward: { points: number; value: number } | null }) {
  const w = useRegisterWords();
  const t = useTranslations('customers');
  const errorText = useApiErrorText();
  const id = useId();
  const { customer, redeemRewards, resumed } = cart.cart;
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<FoundCustomer[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    const q = query.trim();
    if (customer || q.length < 2) return setFound(null);
    const abort = new AbortController();
    const timer = setTimeout(async () => {
      const res = await api<{ data: FoundCustomer[] }>(`/api/v1/customers?limit=5&q=${encodeURIComponent(q)}`, { signal: abort.signal, retries: 0 });
      if (abort.signal.aborted) return;
      if (res.ok) {
        setFound(res.data.data);
        setError(null);
      } else setError(errorText(res.error));
    }, 250);
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [query, customer]); // errorText only words the answer: not a reason to search again

  const attach = (c: AttachedCustomer) => {
    cart.attachCustomer(c);
    setQuery('');
    setFound(null);
  };

  const addNew = async () => {
    const q = query.trim();
    const looksLikePhone = /^[+\d][\d\s()-]{5,}$/.test(q);
    setAdding(true);
    const res = await api<FoundCustomer>('/api/v1/customers', { method: 'POST', body: looksLikePhone ? { name: `Customer ${q}`, phone: q } : { name: q } });
    setAdding(false);
    if (res.ok) attach(res.data);
    else setError(res.error.details[0]?.message ?? errorText(res.error));
  };

  if (customer) {
    const affordable = reward && customer.pointsBalance !== null ? Math.floor(customer.pointsBalance / reward.points) : 0;
    return (
      <div className="space-y-2 rounded-lg bg-brand-50 px-2 py-2" data-testid="attached-customer">
        <div className="flex items-center justify-between gap-2">
          <p className="min-w-0 text-sm">
            <span className="font-semibold text-slate-900">{customer.name}</span>
            {customer.phone && <span className="text-slate-600"> · {customer.phone}</span>}
            {customer.pointsBalance !== null && <span className="block text-slate-700">{t('points', { count: customer.pointsBalance })}</span>}
          </p>
          {!locked && (
            <button type="button" className={smallButton} onClick={() => cart.attachCustomer(null)}>
              {t('remove')}<span className="sr-only">{t('fromOrder', { name: customer.name })}</span>
            </button>
          )}
        </div>
        {reward && !resumed && !locked && affordable > 0 && (
          <div className="flex items-center gap-2" role="group" aria-label={t('redeemRewards')}>
            <button type="button" className={smallButton} disabled={redeemRewards === 0} onClick={() => cart.redeemRewards(redeemRewards - 1)} aria-label={t('rewardFewer')}>
              −
            </button>
            <span className="min-w-0 flex-1 text-sm" aria-live="polite">
              {redeemRewards === 0
                ? t('rewardOffer', { points: reward.points, amount: w.f.money(reward.value, currency) })
                : t('redeeming', { points: redeemRewards * reward.points, amount: w.f.money(redeemRewards * reward.value, currency) })}
            </span>
            <button type="button" className={smallButton} disabled={redeemRewards >= affordable} onClick={() => cart.redeemRewards(redeemRewards + 1)} aria-label={t('rewardMore')} data-testid="redeem-more">
              +
            </button>
          </div>
        )}
      </div>
    );
  }

  return (
    <div className="space-y-1">
      <label htmlFor={`${id}-search`} className="sr-only">
        {t('findLabel')}
      </label>
      <input
        id={`${id}-search`}
        type="search"
        value={query}
        disabled={locked}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={t('findPlaceholder')}
        autoComplete="off"
        className={control}
        aria-describedby={error ? `${id}-error` : undefined}
        data-testid="customer-search"
      />
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm font-semibold text-red-700">
          {error}
        </p>
      )}
      {found && (
        <ul aria-label={t('found')} className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {found.map((c) => (
            <li key={c.id}>
              <button type="button" className="flex min-h-11 w-full items-center justify-between gap-2 px-3 text-left text-sm hover:bg-slate-50" onClick={() => attach(c)}>
                <span>
                  <span className="font-semibold">{c.name}</span>
                  {c.phone && <span className="text-slate-600"> · {c.phone}</span>}
                </span>
                <span className="text-slate-600">{t('pts', { count: c.pointsBalance })}</span>
              </button>
            </li>
          ))}
          <li>
            <button type="button" className="min-h-11 w-full px-3 text-left text-sm font-semibold text-brand-700 hover:bg-slate-50 disabled:text-slate-400" onClick={addNew} disabled={adding}>
              {adding ? t('adding') : t(found.length ? 'notThemAdd' : 'noMatchAdd', { query: query.trim() })}
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}
