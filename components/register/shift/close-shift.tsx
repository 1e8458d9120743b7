'use client';

import Link from 'next/link';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { useFormats } from '@/components/ui/formats';
import { ApproverPinFields } from '@/components/register/approver-pin-fields';
import { useApiErrorText } from '@/components/register/api-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { onQueueChange, queuedForShift } from '@/components/register/offline-queue';
import { decimalToMinor, minorDigits } from '@/lib/platform/money';
import { differenceWords, type ShiftT } from './report-sections';
import type { CloseShiftState, ReportData, ShiftApprover } from './types';

/** This device's sales of the shift still waiting to be sent (docs/offline.md), kept current. */
function useQueuedForShift(shiftId: string): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    const read = () => void queuedForShift(shiftId).then(setCount, () => setCount(0)); // no IndexedDB: nothing queued
    read();
    return onQueueChange(read);
  }, [shiftId]);
  return count;
}

/**
 * Closing in two steps: count the cash and see expected vs counted (and the shortage or
 * overage) first; only then confirm. The server refuses while orders of the shift still wait
 * for payment, and answers the Z report. Closing a shift someone else opened needs a manager:
 * when the server asks, the confirmation adds the manager's name and PIN. While this device still
 * holds sales of the shift made offline, it refuses to close it (the server would refuse them after).
 */
export function CloseShift(props: CloseShiftProps) {
  return <CloseShiftSteps {...props} waitingOffline={useQueuedForShift(props.shiftId)} />;
}

type CloseShiftProps = {
  shiftId: string;
  approvers: ShiftApprover[];
  expectedCash: number;
  currency: string;
  canSeeOrders: boolean;
  /** Brings the X report (and so the expected cash) up to date before the confirmation. */
  onReview: () => Promise<void>;
  onClosed: (report: ReportData) => void;
  closeShiftAction: FormAction<CloseShiftState>;
};

/** The two steps, given how many sales of the shift this device still holds unsent (exported for its test). */
export function CloseShiftSteps({
  shiftId,
  approvers,
  expectedCash,
  currency,
  canSeeOrders,
  onReview,
  onClosed,
  closeShiftAction,
  waitingOffline,
}: CloseShiftProps & { waitingOffline: number }) {
  const { state, pending, onSubmit } = useFormAction(closeShiftAction, null);
  const t = useTranslations('shift');
  const f = useFormats();
  const [typed, setTyped] = useState('');
  const [step, setStep] = useState<'count' | 'confirm'>('count');
  const [checking, setChecking] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  const id = useId();
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const countInput = useRef<HTMLDivElement>(null);
  const counted = typed.trim() === '' ? null : decimalToMinor(typed, currency);
  const money = (minor: number) => f.money(minor, currency);
  const fe = state?.fieldErrors ?? {};
  const askApproval = Boolean(fe.pin || fe.approverId);
  const form = useRef<HTMLFormElement>(null);
  const errorText = useApiErrorText();
  // The server's refusal while orders wait for payment (lib/orders/shifts.ts), said in the reader's words.
  const unpaid = state?.error ? /^(\d+) order\(s\) of this shift still wait for payment/.exec(state.error) : null;
  const offlineAlert = waitingOffline > 0 && (
    <Alert tone="error">
      <span data-testid="close-offline-waiting">{t('offlineSalesWaiting', { count: waitingOffline })}</span>
    </Alert>
  );

  useEffect(() => {
    if (state?.report) onClosed(state.report);
    else if (state?.fieldErrors?.countedCash) setStep('count');
    else if (state?.fieldErrors?.approverId || state?.fieldErrors?.pin) {
      (form.current?.querySelector(`[name="${state.fieldErrors.approverId ? 'approverId' : 'pin'}"]`) as HTMLElement | null)?.focus();
    }
  }, [state]); // only a new answer from the server matters here

  const shownStep = useRef(step);
  useEffect(() => {
    if (shownStep.current === step) return; // focus moves only when the step changes
    shownStep.current = step;
    if (step === 'confirm') confirmHeading.current?.focus();
    else countInput.current?.querySelector('input')?.focus();
  }, [step]);

  const review = async () => {
    if (waitingOffline > 0) return;
    if (counted === null || counted < 0) {
      setLocalError(typed.trim() === '' ? t('enterCounted') : t('enterAmount', { currency }));
      return;
    }
    setLocalError(null);
    setChecking(true);
    await onReview();
    setChecking(false);
    setStep('confirm');
  };

  const difference = counted === null ? null : counted - expectedCash;
  const words = difference === null ? null : differenceWords(difference, currency, { t: t as unknown as ShiftT, f });
  const comparison = counted !== null && words && (
    <dl className="space-y-1 rounded-lg bg-slate-50 p-3 text-base" data-testid="count-comparison">
      <div className="flex justify-between gap-3">
        <dt className="text-slate-600">{t('expected')}</dt>
        <dd className="font-semibold tabular-nums">{money(expectedCash)}</dd>
      </div>
      <div className="flex justify-between gap-3">
        <dt className="text-slate-600">{t('counted')}</dt>
        <dd className="font-semibold tabular-nums">{money(counted)}</dd>
      </div>
      <div
        className={`flex justify-between gap-3 border-t border-slate-200 pt-1 font-bold ${words.tone === 'short' ? 'text-red-700' : words.tone === 'over' ? 'text-amber-800' : 'text-brand-700'}`}
      >
        <dt>{words.label}</dt>
        <dd className="tabular-nums">{words.value}</dd>
      </div>
    </dl>
  );

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {t('closeShift')}
      </h2>
      {step === 'count' ? (
        <div className="mt-3 space-y-3">
          <p className="text-sm text-slate-600">{t('countIntro')}</p>
          <div ref={countInput}>
            <TextField
              label={t('cashCounted', { currency })}
              name="countedCashInput"
              value={typed}
              onChange={(e) => {
                setTyped(e.target.value);
                setLocalError(null);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void review();
                }
              }}
              inputMode={minorDigits(currency) === 0 ? 'numeric' : 'decimal'}
              autoComplete="off"
              error={localError ?? state?.fieldErrors?.countedCash}
            />
          </div>
          <div aria-live="polite">{comparison}</div>
          {offlineAlert}
          <Button onClick={() => void review()} disabled={checking || waitingOffline > 0} className="w-full">
            {checking ? t('checking') : t('checkCount')}
          </Button>
        </div>
      ) : (
        <form ref={form} onSubmit={onSubmit} className="mt-3 space-y-3" noValidate>
          <input type="hidden" name="shiftId" value={shiftId} />
          <input type="hidden" name="countedCash" value={typed} />
          <h3 ref={confirmHeading} tabIndex={-1} className="font-semibold outline-none">
            {t('confirmClose', { amount: counted !== null ? money(counted) : '—' })}
          </h3>
          {comparison}
          <p className="text-sm text-slate-600">
            {difference === 0
              ? t('balances')
              : difference !== null && difference < 0
                ? t('drawerShort')
                : t('drawerOver')}
          </p>
          {state?.error && (
            <Alert tone="error">
              {unpaid ? t('unpaidOrders', { count: Number(unpaid[1]) }) : errorText(state.error)}
              {canSeeOrders && unpaid && (
                <>
                  {' '}
                  <Link href="/register/orders?status=unpaid" className="font-semibold underline">
                    {t('ordersWaiting')}
                  </Link>
                </>
              )}
            </Alert>
          )}
          {askApproval && <ApproverPinFields approvers={approvers} errors={fe} what="closeShift" />}
          {offlineAlert}
          <div className="flex gap-2">
            <Button variant="secondary" onClick={() => setStep('count')} disabled={pending}>
              {t('countAgain')}
            </Button>
            <Button type="submit" variant="danger" disabled={pending || waitingOffline > 0} className="flex-1">
              {pending ? t('closing') : t('closeShift')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
