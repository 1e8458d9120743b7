'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button, buttonClass } from '@/components/ui/button';
import { useApiErrorText } from './api-errors';
import { useRegisterWords } from './format';
import { Modal } from './modal';
import type { QueuedSale } from './offline-queue';
import type { useOfflineSync } from './use-offline-sync';

type Sync = ReturnType<typeof useOfflineSync>;

/**
 * What the register holds that the server does not have yet (docs/offline.md): offline, "sales are
 * saved on this device" with the unsent count and the business's limits; back online, the drain's
 * progress; and, until a manager deals with them, the sales the server refused. A restaurant's register
 * (`kitchen`) also says that the kitchen sees an offline sale only once it is sent: its tickets are
 * made when the server takes the order (lib/restaurant's OrderPlaced handler), not when it was rung up.
 */
export function OfflineBanner({
  sync,
  currency,
  limits,
  timeZone,
  kitchen = false,
}: {
  sync: Sync;
  currency: string;
  limits: { maxHours: number; maxTotal: number | null };
  timeZone: string;
  kitchen?: boolean;
}) {
  const t = useTranslations('offline');
  const w = useRegisterWords();
  const [open, setOpen] = useState(false);
  const waiting = t('waiting', { count: sync.queued.length, amount: w.f.money(sync.queuedTotal, currency) });
  return (
    <>
      {!sync.online ? (
        <div role="status" className="border-b-2 border-slate-900 bg-slate-800 px-4 py-2 text-white" data-testid="offline-banner">
          <p className="font-bold">
            <span aria-hidden="true">⚡ </span>
            {t('banner')}
          </p>
          <p className="text-sm text-slate-100">
            <span data-testid="offline-waiting">{waiting}</span>
            {' · '}
            {limits.maxTotal !== null && `${t('limitTotal', { amount: w.f.money(limits.maxTotal, currency) })}, `}
            {t('limitHours', { hours: limits.maxHours })}. {t('cashOnly')}
          </p>
          {kitchen && (
            <p className="text-sm font-semibold text-amber-200" data-testid="offline-kitchen">
              {t('kitchenLater')}
            </p>
          )}
        </div>
      ) : sync.progress ? (
        <div role="status" className="border-b border-sky-300 bg-sky-50 px-4 py-1.5 text-sm font-semibold text-sky-950" data-testid="offline-sync">
          {t('syncing', { done: sync.progress.done, total: sync.progress.total })}
        </div>
      ) : sync.queued.length > 0 ? (
        <div role="status" className="border-b border-sky-300 bg-sky-50 px-4 py-1.5 text-sm font-semibold text-sky-950" data-testid="offline-sync">
          {t('backWaiting', { count: sync.queued.length })}
        </div>
      ) : null}
      {sync.online && sync.justSynced.length > 0 && (
        <div role="status" className="flex items-center justify-between gap-3 border-b border-brand-300 bg-brand-50 px-4 py-1.5 text-sm font-semibold text-brand-950" data-testid="offline-mapped">
          <ul className="flex flex-wrap gap-x-4">
            {sync.justSynced.map((m) => (
              <li key={m.provisional}>{t('mapped', { provisional: m.provisional, number: m.number })}</li>
            ))}
          </ul>
          <button type="button" className="min-h-9 rounded-lg px-3 ring-1 ring-brand-400 hover:bg-brand-100" onClick={sync.clearJustSynced}>
            {t('close')}
          </button>
        </div>
      )}
      {sync.refused.length > 0 && (
        <div role="alert" className="flex items-center justify-between gap-3 border-b border-red-300 bg-red-50 px-4 py-1.5 text-sm font-semibold text-red-950" data-testid="offline-attention">
          <span>{t('needsAttention', { count: sync.refused.length })}</span>
          <button type="button" className="min-h-9 rounded-lg px-3 ring-1 ring-red-400 hover:bg-red-100" onClick={() => setOpen(true)}>
            {t('show')}
          </button>
        </div>
      )}
      <NeedsAttentionDialog open={open} sales={sync.refused} timeZone={timeZone} onDismiss={sync.dismiss} onClose={() => setOpen(false)} />
    </>
  );
}

/**
 * The refused offline sales of this device, each with what the server said and whether the managers'
 * "Needs attention" list has it (use-offline-sync.ts reports it); each leaves when a manager re-rings
 * it or writes it off there. Only one the server would not take on that list either may be removed here.
 */
export function NeedsAttentionDialog({ open, sales, timeZone, onDismiss, onClose }: { open: boolean; sales: QueuedSale[]; timeZone: string; onDismiss: (key: string) => Promise<void>; onClose: () => void }) {
  const t = useTranslations('offline');
  const w = useRegisterWords();
  const errorText = useApiErrorText();
  return (
    <Modal open={open} onClose={onClose} title={t('attentionTitle')} description={t('attentionIntro')} testId="offline-attention-dialog">
      <ul className="divide-y divide-slate-200 p-5">
        {sales.map((s) => (
          <li key={s.key} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="offline-refused">
            <div>
              <p className="font-semibold tabular-nums">{t('attentionRow', { number: s.provisional, time: w.f.dateTime(s.placedAt, timeZone), amount: w.f.money(s.total, s.currency) })}</p>
              {s.error && <p className="text-sm text-red-800">{errorText(s.error)}</p>}
              <p className="text-sm text-slate-600" data-testid="offline-refused-state">
                {s.reported ? t('reported') : s.reportRefused ? t('reportRefused') : t('notReported')}
              </p>
            </div>
            {s.reportRefused && (
              <Button variant="secondary" className="min-h-10" onClick={() => void onDismiss(s.key)}>
                {t('dealtWith')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <div className="flex justify-end gap-2 border-t border-slate-200 p-4">
        <a href="/register/orders#needs-attention" className={buttonClass('secondary')}>
          {t('openOrders')}
        </a>
        <Button variant="secondary" onClick={onClose}>
          {t('close')}
        </Button>
      </div>
    </Modal>
  );
}

/**
 * The receipt of a sale saved offline: its provisional number, the cash and the change, and New sale.
 * A dine-in or takeaway sale says the kitchen gets it only when it is sent (tell them now).
 */
export function OfflineReceiptDialog({ sale, onNewSale }: { sale: QueuedSale | null; onNewSale: () => void }) {
  const t = useTranslations('offline');
  const td = useTranslations('dialogs');
  const w = useRegisterWords();
  return (
    <Modal open={sale !== null} onClose={onNewSale} testId="offline-receipt" title={sale ? t('receiptTitle', { number: sale.provisional }) : t('newSale')}>
      {sale && (
        <div className="space-y-4 p-5">
          <div className="rounded-2xl bg-brand-600 px-5 py-4 text-white">
            <p className="text-sm font-semibold uppercase tracking-wide text-brand-50">{t('paid', { amount: w.f.money(sale.total, sale.currency) })}</p>
            <p className="text-3xl font-bold tabular-nums">{sale.changeGiven > 0 ? td('change', { amount: w.f.money(sale.changeGiven, sale.currency) }) : td('noChangeDue')}</p>
          </div>
          <p className="text-lg font-bold tabular-nums" data-testid="provisional-number">
            {sale.provisional}
          </p>
          <p className="text-sm text-slate-700">{t('receiptNote')}</p>
          {sale.body.type !== 'retail' && (
            <p role="note" className="rounded-lg bg-amber-50 px-3 py-2 text-sm font-semibold text-amber-950 ring-1 ring-amber-300" data-testid="offline-receipt-kitchen">
              {t('kitchenLaterSale')}
            </p>
          )}
          <Button className="min-h-12 w-full text-base" data-autofocus onClick={onNewSale} data-testid="new-sale">
            {t('newSale')}
          </Button>
        </div>
      )}
    </Modal>
  );
}
