'use client';

import { useCallback, useEffect, useState } from 'react';
import { useTranslations } from 'next-intl';
import { useApiErrorText } from './api-errors';
import { Button } from '@/components/ui/button';
import { api, type ApiError } from './api';
import { ORDER_TYPE_KEY , useRegisterWords } from './format';
import { Modal } from './modal';
import type { Order, OrderSummary, RegisterTable } from './types';

const REFRESH_MS = 30_000;

/** Open (parked) orders and tabs: GET /api/v1/orders?status=open, kept fresh while visible. */
export function useParkedOrders() {
  const [orders, setOrders] = useState<OrderSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const refresh = useCallback(async () => {
    const result = await api<{ data: OrderSummary[]; total: number }>('/api/v1/orders?status=open&limit=200', { retries: 1 });
    if (result.ok) {
      setOrders(result.data.data);
      setError(null);
    } else setError(result.error);
  }, []);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  return { orders, error, refresh };
}

/**
 * The list of parked orders; Resume loads one (GET /api/v1/orders/{id}) into the cart. Only
 * with an empty cart, so nothing being rung up is lost.
 */
export function ParkedOrdersDialog({
  open,
  orders,
  error,
  tables,
  currency,
  timeZone,
  cartEmpty,
  onClose,
  onResume,
}: {
  open: boolean;
  orders: OrderSummary[] | null;
  error: ApiError | null;
  tables: RegisterTable[];
  currency: string;
  /** The store's time zone: "parked 14:05" on its clock. */
  timeZone: string;
  cartEmpty: boolean;
  onClose: () => void;
  onResume: (order: Order) => void;
}) {
  const w = useRegisterWords();
  const t = useTranslations('dialogs');
  const errorText = useApiErrorText();
  const [loading, setLoading] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const tableName = new Map(tables.map((t) => [t.id, t.name]));
  const time = { format: (at: Date) => w.f.dateTime(at, timeZone, 'time') };

  const resume = async (id: string) => {
    setLoading(id);
    setProblem(null);
    const result = await api<Order>(`/api/v1/orders/${id}`, { retries: 1 });
    setLoading(null);
    if (!result.ok) return setProblem(errorText(result.error));
    if (result.data.status !== 'open') return setProblem(t('noLongerOpen', { number: result.data.number }));
    onResume(result.data);
  };

  return (
    <Modal open={open} onClose={onClose} size="lg" title={t('parkedOrders')} description={t('parkedDescription')} testId="parked-dialog">
      <div className="space-y-3 p-5">
        {!cartEmpty && (
          <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm font-semibold text-amber-950">
            {t('cartHasItems')}
          </p>
        )}
        {(problem || error) && (
          <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {problem ?? (error ? errorText(error) : null)}
          </p>
        )}
        {orders === null ? (
          <p role="status" className="text-slate-600">
            {t('loading')}
          </p>
        ) : orders.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 px-4 py-8 text-center text-slate-600">{t('noParked')}</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200" data-testid="parked-list">
            {orders.map((o, i) => (
              <li key={o.id} className="flex items-center justify-between gap-3 px-4 py-3">
                <div className="min-w-0">
                  <p className="font-semibold">
                    #{o.number} · {w.t(ORDER_TYPE_KEY[o.type])}
                    {o.tableId && t('atTable', { table: tableName.get(o.tableId) ?? '?' })}
                    {o.customerName && ` · ${o.customerName}`}
                  </p>
                  <p className="text-sm text-slate-600">
                    {w.f.money(o.total, currency)} · {t('parkedAt', { time: time.format(new Date(o.createdAt)) })}
                    {o.covers ? t('guestsCount', { count: o.covers }) : ''}
                  </p>
                </div>
                <Button
                  variant="secondary"
                  data-autofocus={i === 0 || undefined}
                  disabled={!cartEmpty || loading !== null}
                  onClick={() => void resume(o.id)}
                  aria-label={t('resumeOrder', { number: o.number })}
                >
                  {loading === o.id ? t('opening') : t('resume')}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Modal>
  );
}
