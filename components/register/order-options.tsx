'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { CustomerPicker } from './customer-picker';
import { ORDER_TYPE_KEY , useRegisterWords } from './format';
import type { CartApi } from './use-cart';
import type { OrderType, RegisterTable } from './types';


/**
 * How the order is served: dine-in (a table — free ones first — and how many guests),
 * takeaway or retail, and an optional customer name.
 */
export function OrderOptions({
  cart,
  tables,
  locked,
  tableError,
  onDineIn,
  onChooseTable,
  currency,
  loyaltyReward,
}: {
  currency: string;
  /** The business's loyalty reward (null: none), offered once a customer is attached. */
  loyaltyReward: { points: number; value: number } | null;
  cart: CartApi;
  tables: RegisterTable[];
  locked: boolean;
  tableError: string | null;
  /** Dine-in chosen: a chance to refresh which tables are free. */
  onDineIn: () => void;
  /** A table chosen (one with an open tab opens it). */
  onChooseTable: (tableId: string | null) => void;
}) {
  const w = useRegisterWords();
  const tw = useTranslations('dialogs');
  const id = useId();
  const { type, tableId, covers, customerName, customer } = cart.cart;
  const types: OrderType[] = tables.length ? ['dine_in', 'takeaway', 'retail'] : ['takeaway', 'retail'];
  const free = tables.filter((t) => t.status === 'free');
  const busy = tables.filter((t) => t.status !== 'free');
  const control =
    'block min-h-10 w-full rounded-lg border border-slate-300 bg-white px-2 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 disabled:bg-slate-100 aria-[invalid=true]:border-red-600';

  return (
    <div className="space-y-2 border-b border-slate-200 px-3 py-2">
      <div role="radiogroup" aria-label={tw('orderType')} className="grid auto-cols-fr grid-flow-col gap-1 rounded-lg bg-slate-100 p-1">
        {types.map((t) => (
          <button
            key={t}
            type="button"
            role="radio"
            aria-checked={type === t}
            disabled={locked}
            onClick={() => {
              cart.setOrderType(t);
              if (t === 'dine_in') onDineIn();
            }}
            className={`min-h-9 rounded-md text-sm font-semibold ${type === t ? 'bg-white text-slate-900 shadow ring-1 ring-slate-300' : 'text-slate-700 hover:bg-white/60'}`}
          >
            {type === t && <span aria-hidden="true">✓ </span>}
            {w.t(ORDER_TYPE_KEY[t])}
          </button>
        ))}
      </div>
      {type === 'dine_in' && (
        <div className="grid grid-cols-[1fr_5.5rem] gap-2">
          <div>
            <label htmlFor={`${id}-table`} className="sr-only">
              {tw('table')}
            </label>
            <select
              id={`${id}-table`}
              value={tableId ?? ''}
              disabled={locked}
              onChange={(e) => onChooseTable(e.target.value || null)}
              aria-invalid={tableError ? true : undefined}
              aria-describedby={tableError ? `${id}-table-error` : undefined}
              className={control}
              data-testid="table-select"
            >
              <option value="">{tw('chooseTable')}</option>
              {free.length > 0 && (
                <optgroup label={tw('tablesFree')}>
                  {free.map((t) => (
                    <option key={t.id} value={t.id}>
                      {tw('tableSeats', { name: t.name, area: t.area, seats: t.seats })}
                    </option>
                  ))}
                </optgroup>
              )}
              {busy.length > 0 && (
                <optgroup label={tw('tablesTaken')}>
                  {busy.map((t) => (
                    <option key={t.id} value={t.id}>
                      {tw('tableBusy', { name: t.name, area: t.area, status: t.status })}
                      {t.status === 'occupied' ? ` (${t.covers})` : ''}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-covers`} className="sr-only">
              {tw('guests')}
            </label>
            <div className="flex items-center gap-1">
              <input
                id={`${id}-covers`}
                type="number"
                min={1}
                max={200}
                inputMode="numeric"
                disabled={locked}
                value={covers ?? 1}
                onChange={(e) => {
                  const n = Number.parseInt(e.target.value, 10);
                  cart.setCovers(Number.isFinite(n) ? Math.min(200, Math.max(1, n)) : 1);
                }}
                className={`${control} text-center`}
              />
              <span className="text-xs text-slate-600" aria-hidden="true">
                {tw('guestsUnit')}
              </span>
            </div>
          </div>
          {tableError && (
            <p id={`${id}-table-error`} role="alert" className="col-span-2 text-sm font-semibold text-red-700">
              {tableError}
            </p>
          )}
        </div>
      )}
      <CustomerPicker cart={cart} locked={locked} currency={currency} reward={loyaltyReward} />
      {/* A walk-in's name to call out; an attached customer's name is the order's. */}
      {!customer && <div>
        <label htmlFor={`${id}-customer`} className="sr-only">
          {tw('customerNameOptional')}
        </label>
        <input
          id={`${id}-customer`}
          value={customerName}
          maxLength={80}
          disabled={locked}
          onChange={(e) => cart.setCustomer(e.target.value)}
          placeholder={tw('customerNameOptional')}
          autoComplete="off"
          className={control}
        />
      </div>}
    </div>
  );
}
