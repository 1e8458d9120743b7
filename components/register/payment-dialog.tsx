'use client';

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { Button, buttonClass } from '@/components/ui/button';
import { decimalToMinor, minorToDecimal, quickCashAmounts , useRegisterWords } from './format';
import { Modal } from './modal';
import type { CardState } from './use-card-status';
import { useIdleHold } from './use-idle-hold';
import { hasPendingCard, type PayOutcome, type SplitPlan, type SplitResult } from './order-payment';
import { SplitParts, SplitPlanner } from './split-bill';
import { useApiErrorText } from './api-errors';
import { TipPicker, tipAmount, type TipChoice } from './tip-picker';
import type { RegisterTips } from '@/lib/orders';
import type { QueuedSale } from './offline-queue';
import type { Order, Tender } from './types';

const CARDS = [
  { source: 'tok_visa', label: 'cardApproved', hint: 'Visa •••• 4242' },
  { source: 'tok_declined', label: 'cardDeclined', hint: 'Visa •••• 0002' },
  { source: 'tok_insufficient_funds', label: 'cardInsufficient', hint: 'Visa •••• 9995' },
] as const;

/** Server messages end without a full stop now and then: make each a sentence (in either script). */
const sentence = (text: string) => (/[.!?။]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

type Result = { tone: 'error' | 'ok'; text: string; offerCash?: boolean; retry?: Tender } | null;

/**
 * Taking money: the balance due, then cash (what was handed over, quick note buttons, the
 * change in big type) or card (the simulated terminal: approved, declined, insufficient
 * funds). Paying less than the balance is a split: the dialog stays with what is left. A
 * declined card leaves the order unpaid and offers cash. Card is off while the card gateway
 * is unavailable. A card the card service has not confirmed yet locks the dialog on
 * "Checking the card — do not charge it again" until "Check again" finds it settled.
 */
type PaymentFormProps = {
  currency: string;
  /** The total to pay before anything was taken (from the quote). */
  total: number;
  order: Order | null;
  cardState: CardState;
  /** No server: card is off (cash only), and a cash sale may come back `saved` on the device. */
  offline?: boolean;
  onSaved?: (sale: QueuedSale) => void;
  busy: boolean;
  onPay: (tender: Tender) => Promise<PayOutcome>;
  /** Re-reads the order (null: no answer): has the pending card been settled? */
  onCheckCard: () => Promise<Order | null>;
  onCardUnavailable: (message: string) => void;
  onPaid: (order: Order) => void;
  /** The tip prompt (tenant settings); absent or off: no tip is asked for. */
  tips?: RegisterTips | null;
  /** Splitting the bill: make sure the sale is an order (checking the cart out), then store a plan. */
  splitting?: { ensureOrder: () => Promise<SplitResult>; split: (plan: SplitPlan) => Promise<SplitResult> } | null;
};

export function PaymentDialog({ open, onClose, ...form }: PaymentFormProps & { open: boolean; onClose: () => void }) {
  useIdleHold(open); // never lock the register mid-payment (idle-lock.tsx)
  const t = useTranslations('payment');
  return (
    <Modal open={open} onClose={onClose} size="lg" busy={form.busy} testId="payment-dialog" title={form.order ? t('titleOrder', { number: form.order.number }) : t('title')}>
      <PaymentForm {...form} />
    </Modal>
  );
}

function PaymentForm({ currency, total, order, cardState, offline = false, onSaved, busy, onPay, onCheckCard, onCardUnavailable, onPaid, tips, splitting }: PaymentFormProps) {
  const w = useRegisterWords();
  const t = useTranslations('payment');
  const errorText = useApiErrorText();
  const id = useId();
  const parts = order?.parts ?? [];
  // The part being paid: the one chosen, else the first with a balance (a split bill is paid part by part).
  const [chosenPart, setChosenPart] = useState<string | null>(null);
  const part = parts.find((p) => p.id === chosenPart && p.balanceDue > 0) ?? parts.find((p) => p.balanceDue > 0) ?? null;
  const balance = order ? Math.min(order.balanceDue, part ? part.balanceDue : Infinity) : total;
  const [planning, setPlanning] = useState(false);
  const [splitBusy, setSplitBusy] = useState(false);
  const [splitError, setSplitError] = useState<string | null>(null);
  const [tip, setTip] = useState<TipChoice>({ kind: 'none' });
  // While the breaker is open the card option is off; a person may still ask for one trial
  // (the server refuses at once, charging nothing, if cards are still down).
  const [tryCard, setTryCard] = useState(false);
  const cardOff = offline || (cardState === 'open' && !tryCard);
  const [tab, setTab] = useState<'cash' | 'card'>('cash');
  const [amountText, setAmountText] = useState(minorToDecimal(balance, currency));
  const [tenderedText, setTenderedText] = useState('');
  const [card, setCard] = useState<(typeof CARDS)[number]['source']>('tok_visa');
  const [processing, setProcessing] = useState<null | 'cash' | 'card'>(null);
  const [result, setResult] = useState<Result>(null);
  const tenderedRef = useRef<HTMLInputElement>(null);
  const checkRef = useRef<HTMLButtonElement>(null);
  const [checking, setChecking] = useState(false);
  const money = (n: number) => w.f.money(n, currency);
  const pendingCard = order?.payments.find((p) => p.status === 'pending') ?? null;
  // A card being checked takes the focus to "Check again" (also when the dialog reopens on it).
  useEffect(() => {
    if (pendingCard) checkRef.current?.focus();
  }, [pendingCard?.id]); // only a new pending card moves the focus

  const amount = decimalToMinor(amountText, currency);
  const tipsOn = tips?.enabled ?? false;
  const tipMinor = tipsOn && amount !== null ? tipAmount(tip, amount, currency) : 0;
  const amountError =
    amount === null || amount < 1
      ? t('enterAmount', { currency })
      : amount > balance
        ? t('atMostBalance', { amount: money(balance) })
        : tipMinor === null
          ? t('enterTip', { currency })
          : null;
  const tipValue = tipMinor ?? 0;
  const tendered = tenderedText.trim() ? decimalToMinor(tenderedText, currency) : null;
  const activeTab = cardOff ? 'cash' : tab;
  // Cash handed over covers the tip too; with a tip, a part payment in cash is not offered (take the amount and tip in full).
  const cashAmount = amount !== null && tendered !== null && tendered > 0 ? Math.min(amount, tendered) : amount;
  const change = amount !== null && tendered !== null && tendered > amount + tipValue ? tendered - amount - tipValue : 0;
  const partCash = amount !== null && tendered !== null && tendered > 0 && tendered < amount && tipValue === 0;

  const balanceOf = (next: Order) => {
    const nextPart = next.parts.find((p) => p.id === chosenPart && p.balanceDue > 0) ?? next.parts.find((p) => p.balanceDue > 0) ?? null;
    return Math.min(next.balanceDue, nextPart ? nextPart.balanceDue : Infinity);
  };
  const resetAmounts = (next: Order) => {
    setAmountText(minorToDecimal(balanceOf(next), currency));
    setTenderedText('');
    setTip({ kind: 'none' });
  };
  const choosePart = (partId: string) => {
    setChosenPart(partId);
    const next = parts.find((p) => p.id === partId);
    if (next && order) setAmountText(minorToDecimal(Math.min(order.balanceDue, next.balanceDue), currency));
    setResult(null);
  };
  const startSplit = async () => {
    if (!splitting) return;
    setSplitBusy(true);
    setSplitError(null);
    const ready = await splitting.ensureOrder();
    setSplitBusy(false);
    if (!ready.ok) return setSplitError(errorText(ready.message));
    setPlanning(true);
  };
  const split = async (plan: SplitPlan): Promise<SplitResult> => {
    if (!splitting) return { ok: false, message: t('cannotSplitHere') };
    setSplitBusy(true);
    const result = await splitting.split(plan);
    setSplitBusy(false);
    if (result.ok) {
      setPlanning(false);
      setChosenPart(null);
      resetAmounts(result.order);
      setResult({ tone: 'ok', text: t('splitInto', { count: result.order.parts.length }) });
    }
    return result;
  };

  const run = async (tender: Tender) => {
    setProcessing(tender.tender);
    setResult(null);
    const outcome = await onPay(tender);
    setProcessing(null);
    switch (outcome.kind) {
      case 'paid':
        onPaid(outcome.order);
        return;
      case 'partial': {
        const amounts = { amount: money(tender.amount), tip: money(tender.tip ?? 0) };
        const back = tender.tender === 'cash' ? tender.tendered - tender.amount - (tender.tip ?? 0) : 0;
        const taken =
          tender.tender === 'cash'
            ? back > 0
              ? t(tender.tip ? 'cashTakenTipChange' : 'cashTakenChange', { ...amounts, change: money(back) })
              : t(tender.tip ? 'cashTakenTip' : 'cashTaken', amounts)
            : t(tender.tip ? 'cardTakenTip' : 'cardTaken', amounts);
        const paidPart = outcome.order.parts.find((p) => p.id === tender.partId);
        const done = paidPart && paidPart.balanceDue === 0 ? t('partIsPaid', { part: paidPart.label }) : null;
        setResult({ tone: 'ok', text: [taken, done, t('leftToPay', { amount: money(outcome.order.balanceDue) })].filter(Boolean).join(' ') });
        resetAmounts(outcome.order);
        return;
      }
      case 'saved':
        onSaved?.(outcome.sale);
        return;
      case 'declined':
        setResult({ tone: 'error', text: `${sentence(errorText(outcome.message))} ${t('declinedNothingTaken')}`, offerCash: true });
        if (outcome.order) resetAmounts(outcome.order);
        return;
      case 'unavailable':
        onCardUnavailable(outcome.message);
        setTryCard(false);
        // The server says whether money moved ("nothing was charged") or is still being confirmed.
        setResult({ tone: 'error', text: sentence(errorText(outcome.message)), offerCash: true });
        if (outcome.order) resetAmounts(outcome.order);
        if (tender.tender === 'card') setTab('cash');
        return;
      case 'pending':
        return; // locked on "Checking the card" until it is settled: taking cash now is how a customer pays twice
      case 'approval':
        setResult({ tone: 'error', text: `${sentence(errorText(outcome.error))} ${t('approveDiscountFirst')}` });
        return;
      case 'error':
        setResult({ tone: 'error', text: sentence(errorText(outcome.error)), retry: outcome.error.status === 0 ? tender : undefined });
    }
  };

  const checkAgain = async () => {
    const checkedId = pendingCard?.id;
    setChecking(true);
    setResult(null);
    const now = await onCheckCard();
    setChecking(false);
    if (!now) return setResult({ tone: 'error', text: t('noAnswerCheckAgain') });
    if (hasPendingCard(now)) {
      setResult({ tone: 'ok', text: t('stillChecking') });
      return;
    }
    const settled = now.payments.find((p) => p.id === checkedId);
    if (settled?.status === 'captured') {
      if (now.balanceDue === 0) return onPaid(now);
      setResult({ tone: 'ok', text: `${t('cardTaken', { amount: money(settled.amount) })} ${t('leftToPay', { amount: money(now.balanceDue) })}` });
    } else {
      setResult({ tone: 'error', text: t('cardNotCharged'), offerCash: true });
    }
    resetAmounts(now);
  };

  const takeCash = () => {
    if (amountError || amount === null) return;
    if (tendered === null || tendered < 1) {
      setResult({ tone: 'error', text: t('enterCashReceived') });
      tenderedRef.current?.focus();
      return;
    }
    if (tipValue > 0 && tendered < amount + tipValue) {
      setResult({ tone: 'error', text: t('cashMustCoverTip', { amount: money(amount), tip: money(tipValue) }) });
      tenderedRef.current?.focus();
      return;
    }
    const pays = Math.min(amount, tendered);
    void run({ tender: 'cash', amount: pays, tendered, ...extras() });
  };
  /** The tip and the part of the bill, sent only when there are any. */
  const extras = () => ({ ...(tipValue > 0 ? { tip: tipValue } : {}), ...(part ? { partId: part.id } : {}) });
  const chargeCard = () => {
    if (amountError || amount === null || cardOff) return;
    void run({ tender: 'card', amount, source: card, ...extras() });
  };

  const paidTenders = order?.payments.filter((p) => p.status === 'captured') ?? [];
  const locked = busy || splitBusy || processing !== null || result?.retry !== undefined || pendingCard !== null;
  // A bill can be split while nothing was taken on the order as a whole (parts may have money).
  const canSplit = splitting != null && !paidTenders.some((p) => !p.partId) && !pendingCard;

  return (
    <div className="grid gap-0 md:grid-cols-[15rem_1fr]">
      <aside className="space-y-3 border-b border-slate-200 bg-slate-50 p-5 md:border-b-0 md:border-r">
        <div>
          <p className="text-sm font-semibold text-slate-600">{part ? t('partDue', { part: part.label }) : t('balanceDue')}</p>
          <p className="text-3xl font-bold tabular-nums" data-testid="balance-due">
            {money(balance)}
          </p>
          {part && order ? (
            <p className="text-sm text-slate-600" data-testid="order-balance">
              {t('orderDueOf', { due: money(order.balanceDue), total: money(order.total) })}
            </p>
          ) : (
            order && order.paidTotal > 0 && <p className="text-sm text-slate-600">{t('ofTotal', { total: money(order.total) })}</p>
          )}
        </div>
        {order && parts.length > 0 && <SplitParts order={order} parts={parts} selected={part?.id ?? null} disabled={locked} onSelect={choosePart} />}
        {canSplit && !planning && (
          <div>
            <button type="button" className={buttonClass('secondary', 'min-h-11 w-full')} disabled={locked} onClick={() => void startSplit()} data-testid="split-bill">
              {parts.length ? t('splitDifferently') : t('splitTheBill')}
            </button>
            {splitError && (
              <p role="alert" className="mt-1 text-sm font-semibold text-red-800">
                {splitError}
              </p>
            )}
          </div>
        )}
        {paidTenders.length > 0 && (
          <div>
            <p className="text-sm font-semibold text-slate-600">{t('paidSoFar')}</p>
            <ul className="text-sm tabular-nums">
              {paidTenders.map((p) => (
                <li key={p.id} className="flex justify-between">
                  <span>
                    ✓ {p.tender === 'cash' ? t('cash') : t('card')}
                    {p.tip > 0 && <span className="text-slate-600">{t('plusTip', { amount: money(p.tip) })}</span>}
                  </span>
                  <span>{money(p.amount)}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="space-y-1">
          <label htmlFor={`${id}-amount`} className="block text-sm font-semibold text-slate-700">
            {t('amountNow')}
          </label>
          <input
            id={`${id}-amount`}
            inputMode="decimal"
            autoComplete="off"
            value={amountText}
            disabled={locked}
            onChange={(e) => setAmountText(e.target.value)}
            aria-invalid={amountError ? true : undefined}
            aria-describedby={`${id}-amount-hint`}
            className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 text-lg tabular-nums focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-600"
            data-testid="pay-amount"
          />
          <p id={`${id}-amount-hint`} className={`text-xs ${amountError && amountText ? 'font-semibold text-red-700' : 'text-slate-600'}`}>
            {amountError && amountText ? amountError : t('lessSplits')}
          </p>
        </div>
      </aside>

      <div className="space-y-4 p-5">
        {planning && order && <SplitPlanner order={order} busy={splitBusy} onSplit={split} onCancel={() => setPlanning(false)} />}
        {tipsOn && tips && <TipPicker tips={tips} choice={tip} amount={amount ?? 0} currency={currency} disabled={locked} onChange={setTip} />}
        {pendingCard && (
          <div role="status" className="rounded-xl border-2 border-amber-400 bg-amber-50 p-4 text-amber-950" data-testid="card-pending">
            <p className="text-lg font-bold">{t('checkingTitle')}</p>
            <p className="mt-1 text-sm">
              {t('checkingBody', { amount: money(pendingCard.amount) })}
            </p>
            <button ref={checkRef} type="button" className={buttonClass('primary', 'mt-3 min-h-12 w-full sm:w-auto')} onClick={() => void checkAgain()} disabled={checking} data-testid="check-card">
              {checking ? t('checking') : t('checkAgain')}
            </button>
          </div>
        )}
        <div role="tablist" aria-label={t('tender')} className="grid grid-cols-2 gap-2">
          {(['cash', 'card'] as const).map((kind) => {
            const off = kind === 'card' && cardOff;
            return (
              <button
                key={kind}
                type="button"
                role="tab"
                id={`${id}-tab-${kind}`}
                aria-selected={activeTab === kind}
                aria-controls={`${id}-panel`}
                disabled={off || locked}
                onClick={() => setTab(kind)}
                className={`min-h-14 rounded-xl border-2 text-base font-bold ${
                  activeTab === kind ? 'border-brand-600 bg-brand-50 text-brand-900' : 'border-slate-200 bg-white text-slate-800 hover:bg-slate-50'
                } disabled:cursor-not-allowed disabled:border-dashed disabled:bg-slate-100 disabled:text-slate-500`}
              >
                {activeTab === kind && <span aria-hidden="true">✓ </span>}
                {kind === 'cash' ? t('cash') : t('card')}
                {off && <span className="block text-xs font-semibold">{t('cardOffTakeCash')}</span>}
              </button>
            );
          })}
        </div>

        {cardOff && !offline && (
          <p className="-mt-2 text-right text-sm">
            <button type="button" className="font-semibold text-slate-700 underline underline-offset-2 hover:text-slate-900" onClick={() => setTryCard(true)} disabled={locked}>
              {t('tryCardAnyway')}
            </button>
          </p>
        )}
        <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-tab-${activeTab}`}>
          {activeTab === 'cash' ? (
            <form
              className="space-y-3"
              onSubmit={(e) => {
                e.preventDefault();
                takeCash();
              }}
            >
              <div className="space-y-1">
                <label htmlFor={`${id}-tendered`} className="block text-sm font-bold">
                  {t('cashReceived')}
                </label>
                <input
                  id={`${id}-tendered`}
                  ref={tenderedRef}
                  data-autofocus
                  inputMode="decimal"
                  autoComplete="off"
                  value={tenderedText}
                  disabled={locked}
                  placeholder={amount !== null ? minorToDecimal(amount + tipValue, currency) : ''}
                  onChange={(e) => setTenderedText(e.target.value)}
                  className="block min-h-14 w-full rounded-lg border border-slate-300 px-3 text-2xl font-semibold tabular-nums focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
                  data-testid="cash-tendered"
                />
              </div>
              {amount !== null && !amountError && (
                <div className="flex flex-wrap gap-2" role="group" aria-label={t('quickAmounts')}>
                  <QuickButton disabled={locked} onClick={() => setTenderedText(minorToDecimal(amount + tipValue, currency))}>
                    {t('exact', { amount: money(amount + tipValue) })}
                  </QuickButton>
                  {quickCashAmounts(amount + tipValue, currency).map((n) => (
                    <QuickButton key={n} disabled={locked} onClick={() => setTenderedText(minorToDecimal(n, currency))}>
                      {money(n)}
                    </QuickButton>
                  ))}
                </div>
              )}
              <div className="flex items-end justify-between gap-3 rounded-xl bg-slate-900 px-4 py-3 text-white" aria-live="polite">
                <span className="text-sm font-semibold uppercase tracking-wide text-slate-300">{partCash ? t('partPayment') : t('changeDue')}</span>
                <span className="text-3xl font-bold tabular-nums" data-testid="change-due">
                  {partCash && cashAmount !== null ? t('amountLeft', { amount: money(balance - cashAmount) }) : money(change)}
                </span>
              </div>
              <Button type="submit" className="w-full min-h-14 text-lg" disabled={locked || amountError !== null} data-testid="take-cash">
                {processing === 'cash'
                  ? t('recordingCash')
                  : partCash && cashAmount !== null
                    ? t('takeCashPart', { amount: money(cashAmount) })
                    : amount === null || amountError
                      ? t('takeCash')
                      : t(tipValue > 0 ? 'takeCashAmountTip' : 'takeCashAmount', { amount: money(amount), tip: money(tipValue) })}
              </Button>
            </form>
          ) : (
            <form
              className="space-y-3"
              onSubmit={(e) => {
                e.preventDefault();
                chargeCard();
              }}
            >
              <fieldset>
                <legend className="mb-2 text-sm font-bold">{t('terminal')}</legend>
                <div className="grid gap-2 sm:grid-cols-3">
                  {CARDS.map((c) => (
                    <label
                      key={c.source}
                      className="flex min-h-16 cursor-pointer flex-col justify-center rounded-xl border-2 border-slate-200 px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600"
                    >
                      <input type="radio" name="card" className="sr-only" checked={card === c.source} disabled={locked} onChange={() => setCard(c.source)} data-autofocus={c.source === 'tok_visa' || undefined} />
                      <span className="font-bold">
                        {card === c.source && <span aria-hidden="true">✓ </span>}
                        {t(c.label)}
                      </span>
                      <span className="text-slate-600">{c.hint}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
              {cardState === 'half_open' && <p className="text-sm text-amber-900">{t('cardsComingBack')}</p>}
              <Button type="submit" className="w-full min-h-14 text-lg" disabled={locked || amountError !== null || cardOff} data-testid="charge-card">
                {processing === 'card'
                  ? t('waitingTerminal')
                  : amount === null || amountError
                    ? t('chargeCard')
                    : t(tipValue > 0 ? 'chargeCardAmountTip' : 'chargeCardAmount', { amount: money(amount + tipValue), tip: money(tipValue) })}
              </Button>
            </form>
          )}
        </div>

        <div aria-live="polite" className="min-h-6" data-testid="payment-status">
          {processing && (
            <p className="flex items-center gap-2 text-sm font-semibold text-slate-700">
              <span className="inline-block size-4 animate-spin rounded-full border-2 border-slate-300 border-t-brand-600 motion-reduce:animate-none" aria-hidden="true" />
              {processing === 'card' ? t('processingCard') : t('recordingCashPayment')}
            </p>
          )}
          {result && !processing && (
            <div
              role={result.tone === 'error' ? 'alert' : 'status'}
              className={`rounded-lg border px-3 py-2 text-sm font-semibold ${result.tone === 'error' ? 'border-red-300 bg-red-50 text-red-900' : 'border-brand-100 bg-brand-50 text-brand-900'}`}
            >
              <p>{result.text}</p>
              <div className="mt-2 flex flex-wrap gap-2">
                {result.retry && (
                  <Button onClick={() => void run(result.retry!)} data-testid="retry-payment">
                    {t('retrySafe')}
                  </Button>
                )}
                {result.offerCash && activeTab === 'card' && (
                  <Button
                    variant="secondary"
                    onClick={() => {
                      setTab('cash');
                      setResult(null);
                      setTimeout(() => tenderedRef.current?.focus(), 0);
                    }}
                  >
                    {t('takeCashInstead')}
                  </Button>
                )}
              </div>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

function QuickButton({ children, onClick, disabled }: { children: ReactNode; onClick: () => void; disabled?: boolean }) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      className="min-h-12 rounded-lg bg-white px-3 text-sm font-bold tabular-nums ring-1 ring-slate-300 hover:bg-slate-50 disabled:text-slate-400"
    >
      {children}
    </button>
  );
}
