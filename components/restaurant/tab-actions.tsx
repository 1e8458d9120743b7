'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { api, newActionKey } from '@/components/register/api';
import { useApiErrorText } from '@/components/register/api-errors';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { useFormats } from '@/components/ui/formats';
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
  const t = useTranslations('floor');
  const f = useFormats();
  const errorText = useApiErrorText();
  const [busy, setBusy] = useState<null | 'start' | 'move' | 'merge' | 'cancel'>(null);
  const [error, setError] = useState<string | null>(null);
  const [moveTo, setMoveTo] = useState('');
  const [mergeFrom, setMergeFrom] = useState('');
  const name = new Map(tables.map((x) => [x.id, x.name]));
  const free = tables.filter((x) => x.status === 'free' && x.id !== table.id);
  const others = tabs.filter((x) => x.tableId !== table.id);

  const post = async <T,>(what: 'start' | 'move' | 'merge' | 'cancel', path: string, body: unknown) => {
    setBusy(what);
    setError(null);
    const result = await api<T>(path, { method: 'POST', body, key: newActionKey() });
    setBusy(null);
    if (!result.ok) setError(errorText(result.error));
    return result.ok ? result.data : null;
  };
  const start = async () => {
    const order = await post<{ id: string }>('start', '/api/v1/orders/tabs', { tableId: table.id, covers });
    if (order) window.location.assign(`/register?order=${order.id}`);
  };
  const move = async () => {
    if (!tab || !moveTo) return;
    if (await post('move', `/api/v1/orders/${tab.orderId}/move`, { tableId: moveTo })) onDone(t('moved', { number: tab.number, to: name.get(moveTo) ?? '', from: table.name }));
  };
  const merge = async () => {
    const from = others.find((x) => x.orderId === mergeFrom);
    if (!tab || !from) return;
    if (await post('merge', `/api/v1/orders/${tab.orderId}/merge`, { orderId: from.orderId }))
      onDone(t('merged', { from: name.get(from.tableId) ?? t('aTable'), table: table.name, number: tab.number }));
  };
  const cancel = async () => {
    if (tab && (await post('cancel', `/api/v1/orders/${tab.orderId}/cancel`, {}))) onDone(t('cancelled', { number: tab.number, table: table.name }));
  };
  const control = 'block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-2 text-base';

  return (
    <section aria-label={t('order')} className="space-y-3 rounded-xl bg-slate-50 p-3 ring-1 ring-slate-200">
      {error && <Alert tone="error">{error}</Alert>}
      {tab ? (
        <>
          <a href={`/register?order=${tab.orderId}`} className={buttonClass('primary', 'w-full')} data-autofocus>
            {t('openOrder', { number: tab.number, total: f.money(tab.total, currency) })}
          </a>
          <div className="grid grid-cols-[1fr_auto] items-end gap-2">
            <div>
              <label htmlFor="move-to" className="block text-sm font-medium text-slate-700">
                {t('moveLabel')}
              </label>
              <select id="move-to" value={moveTo} onChange={(e) => setMoveTo(e.target.value)} className={control}>
                <option value="">{t('chooseTable')}</option>
                {free.map((x) => (
                  <option key={x.id} value={x.id}>
                    {t('freeOption', { name: x.name, area: x.area, seats: x.seats })}
                  </option>
                ))}
              </select>
            </div>
            <Button variant="secondary" onClick={() => void move()} disabled={!moveTo || busy !== null}>
              {busy === 'move' ? t('moving') : t('move')}
            </Button>
          </div>
          {tab.items === 0 && (
            <Button variant="secondary" className="w-full" onClick={() => void cancel()} disabled={busy !== null} data-testid="cancel-tab">
              {busy === 'cancel' ? t('cancelling') : t('cancelEmpty', { number: tab.number })}
            </Button>
          )}
          {others.length > 0 && (
            <div className="grid grid-cols-[1fr_auto] items-end gap-2">
              <div>
                <label htmlFor="merge-from" className="block text-sm font-medium text-slate-700">
                  {t('mergeLabel')}
                </label>
                <select id="merge-from" value={mergeFrom} onChange={(e) => setMergeFrom(e.target.value)} className={control}>
                  <option value="">{t('chooseTable')}</option>
                  {others.map((x) => (
                    <option key={x.orderId} value={x.orderId}>
                      {t('mergeOption', { table: name.get(x.tableId) ?? t('aTable'), number: x.number, total: f.money(x.total, currency) })}
                    </option>
                  ))}
                </select>
              </div>
              <Button variant="secondary" onClick={() => void merge()} disabled={!mergeFrom || busy !== null}>
                {busy === 'merge' ? t('merging') : t('merge')}
              </Button>
            </div>
          )}
        </>
      ) : (
        <Button onClick={() => void start()} disabled={busy !== null} className="w-full">
          {busy === 'start' ? t('starting') : t('seatAndStart', { covers })}
        </Button>
      )}
    </section>
  );
}
