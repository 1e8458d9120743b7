'use client';

import { useCallback, useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { dateTimeFormat } from '@/lib/platform/format-time';
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
  const [loading, setLoading] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const tableName = new Map(tables.map((t) => [t.id, t.name]));
  const time = dateTimeFormat(timeZone, 'time');

  const resume = async (id: string) => {
    setLoading(id);
    setProblem(null);
    const result = await api<Order>(`/api/v1/orders/${id}`, { retries: 1 });
    setLoading(null);
    if (!result.ok) return setProblem(result.error.message);
    if (result.data.status !== 'open') return setProblem(`Order #${result.data.number} is no longer open.`);
    onResume(result.data);
  };

  return (
    <Modal open={open} onClose={onClose} size="lg" title="Parked orders" description="Open tabs and parked sales. Resume one to change or pay it." testId="parked-dialog">
      <div className="space-y-3 p-5">
        {!cartEmpty && (
          <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm font-semibold text-amber-950">
            The cart has items. Park or clear the current sale before resuming another.
          </p>
        )}
        {(problem || error) && (
          <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {problem ?? error?.message}
          </p>
        )}
        {orders === null ? (
          <p role="status" className="text-slate-600">
            Loading…
          </p>
        ) : orders.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 px-4 py-8 text-center text-slate-600">No parked orders.</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200" data-testid="parked-list">
            {orders.map((o, i) => (
              <li key={o.id} className="flex items-center justify-between gap-3 px-4 py-3">
                <div className="min-w-0">
                  <p className="font-semibold">
                    #{o.number} · {w.t(ORDER_TYPE_KEY[o.type])}
                    {o.tableId && ` · table ${tableName.get(o.tableId) ?? '?'}`}
                    {o.customerName && ` · ${o.customerName}`}
                  </p>
                  <p className="text-sm text-slate-600">
                    {w.f.money(o.total, currency)} · parked {time.format(new Date(o.createdAt))}
                    {o.covers ? ` · ${o.covers} guests` : ''}
                  </p>
                </div>
                <Button
                  variant="secondary"
                  data-autofocus={i === 0 || undefined}
                  disabled={!cartEmpty || loading !== null}
                  onClick={() => void resume(o.id)}
                  aria-label={`Resume order ${o.number}`}
                >
                  {loading === o.id ? 'Opening…' : 'Resume'}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Modal>
  );
}
