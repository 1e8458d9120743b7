'use client';

import { useState } from 'react';
import { api, newActionKey } from '@/components/register/api';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { formatMoney } from '@/lib/platform/money';
import type { FloorTable } from './floor-view';

/** A table's open tab as the floor shows it (GET /api/v1/orders/tabs; times as ISO text; `items`: units on it). */
export type FloorTab = { orderId: string; tableId: string; number: number; total: number; items: number; openedAt: string };

/**
 * What the floor does with a table's order: open its tab in the register, or seat the guests
 * and start one ("Seat & start order"); move the tab to a free table; merge another table's tab
 * into it; cancel a tab with nothing on it (the guests left before ordering: `cancelled`, not a
 * void). Each is one API call with its own Idempotency-Key; the register opens the tab by
 * `/register?order=…` (the same path as resuming a parked order).
 */
export function TabActions({
  table,
  tab,
  tables,
  tabs,
  covers,
  currency,
  onDone,
}: {
  table: FloorTable;
  tab: FloorTab | null;
  tables: FloorTable[];
  tabs: FloorTab[];
  covers: number;
  currency: string;
  onDone: (message: string) => void;
}) {
  const [busy, setBusy] = useState<null | 'start' | 'move' | 'merge' | 'cancel'>(null);
  const [error, setError] = useState<string | null>(null);
  const [moveTo, setMoveTo] = useState('');
  const [mergeFrom, setMergeFrom] = useState('');
  const name = new Map(tables.map((t) => [t.id, t.name]));
  const free = tables.filter((t) => t.status === 'free' && t.id !== table.id);
  const others = tabs.filter((t) => t.tableId !== table.id);

  const post = async <T,>(what: 'start' | 'move' | 'merge' | 'cancel', path: string, body: unknown) => {
    setBusy(what);
    setError(null);
    const result = await api<T>(path, { method: 'POST', body, key: newActionKey() });
    setBusy(null);
    if (!result.ok) setError(result.error.message);
    return result.ok ? result.data : null;
  };
  const start = async () => {
    const order = await post<{ id: string }>('start', '/api/v1/orders/tabs', { tableId: table.id, covers });
    if (order) window.location.assign(`/register?order=${order.id}`);
  };
  const move = async () => {
    if (!tab || !moveTo) return;
    if (await post('move', `/api/v1/orders/${tab.orderId}/move`, { tableId: moveTo })) onDone(`Order #${tab.number} moved to ${name.get(moveTo)}; ${table.name} is free.`);
  };
  const merge = async () => {
    const from = others.find((t) => t.orderId === mergeFrom);
    if (!tab || !from) return;
    if (await post('merge', `/api/v1/orders/${tab.orderId}/merge`, { orderId: from.orderId }))
      onDone(`${name.get(from.tableId)} merged into ${table.name}: order #${tab.number} has both tables’ items.`);
  };
  const cancel = async () => {
    if (tab && (await post('cancel', `/api/v1/orders/${tab.orderId}/cancel`, {}))) onDone(`Order #${tab.number} cancelled; ${table.name} is free.`);
  };
  const control = 'block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-2 text-base';

  return (
    <section aria-label="Order" className="space-y-3 rounded-xl bg-slate-50 p-3 ring-1 ring-slate-200">
      {error && <Alert tone="error">{error}</Alert>}
      {tab ? (
        <>
          <a href={`/register?order=${tab.orderId}`} className={buttonClass('primary', 'w-full')} data-autofocus>
            Open order #{tab.number} · {formatMoney(tab.total, currency)}
          </a>
          <div className="grid grid-cols-[1fr_auto] items-end gap-2">
            <div>
              <label htmlFor="move-to" className="block text-sm font-medium text-slate-700">
                Move to a free table
              </label>
              <select id="move-to" value={moveTo} onChange={(e) => setMoveTo(e.target.value)} className={control}>
                <option value="">Choose a table…</option>
                {free.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name} · {t.area} · {t.seats} seats
                  </option>
                ))}
              </select>
            </div>
            <Button variant="secondary" onClick={() => void move()} disabled={!moveTo || busy !== null}>
              {busy === 'move' ? 'Moving…' : 'Move'}
            </Button>
          </div>
          {tab.items === 0 && (
            <Button variant="secondary" className="w-full" onClick={() => void cancel()} disabled={busy !== null} data-testid="cancel-tab">
              {busy === 'cancel' ? 'Cancelling…' : `Cancel order #${tab.number} (nothing ordered) and free the table`}
            </Button>
          )}
          {others.length > 0 && (
            <div className="grid grid-cols-[1fr_auto] items-end gap-2">
              <div>
                <label htmlFor="merge-from" className="block text-sm font-medium text-slate-700">
                  Merge another table into this one
                </label>
                <select id="merge-from" value={mergeFrom} onChange={(e) => setMergeFrom(e.target.value)} className={control}>
                  <option value="">Choose a table…</option>
                  {others.map((t) => (
                    <option key={t.orderId} value={t.orderId}>
                      {name.get(t.tableId) ?? 'A table'} · order #{t.number} · {formatMoney(t.total, currency)}
                    </option>
                  ))}
                </select>
              </div>
              <Button variant="secondary" onClick={() => void merge()} disabled={!mergeFrom || busy !== null}>
                {busy === 'merge' ? 'Merging…' : 'Merge'}
              </Button>
            </div>
          )}
        </>
      ) : (
        <Button onClick={() => void start()} disabled={busy !== null} className="w-full">
          {busy === 'start' ? 'Starting…' : `Seat ${covers} & start order`}
        </Button>
      )}
    </section>
  );
}
