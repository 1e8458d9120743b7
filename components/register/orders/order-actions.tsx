'use client';

import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslations } from 'next-intl';
import { readRegisterName } from '@/components/register/shift/register-name';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CheckboxField, TextAreaField } from '@/components/ui/field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { ApproverPinFields } from '../approver-pin-fields';
import { useFormats } from '@/components/ui/formats';
import { minorToDecimal } from '@/lib/platform/money';
import { typedRefundAmount } from './format';
import type { Approver, RefundableLine } from '@/lib/orders';

type Props = {
  orderId: string;
  orderNumber: number;
  currency: string;
  canRefund: boolean;
  canVoid: boolean;
  refundable: RefundableLine[];
  refundableByTender: { tender: 'cash' | 'card'; amount: number }[];
  approvers: Approver[];
  /** The signed-in role cannot refund / void alone: a manager's or owner's PIN comes with the request. */
  refundNeedsApproval: boolean;
  voidNeedsApproval: boolean;
  /** On the register: cash refunds leave this register's open shift (its name is in localStorage). */
  atRegister: boolean;
  refundOrderAction: FormAction;
  voidOrderAction: FormAction;
};

/** Receipt, Refund and Void for one order; each opens a dialog. Results are announced here. */
export function OrderActions(props: Props) {
  const { orderId, orderNumber, canRefund, canVoid } = props;
  const t = useTranslations('orders');
  const receipt = useRef<HTMLDialogElement>(null);
  const refund = useRef<HTMLDialogElement>(null);
  const voiding = useRef<HTMLDialogElement>(null);
  const [opened, setOpened] = useState({ receipt: 0, refund: 0, void: 0 });
  const [done, setDone] = useState('');

  const finished = (dialog: RefObject<HTMLDialogElement | null>) => (message: string) => {
    dialog.current?.close();
    setDone(message);
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          onClick={() => {
            setOpened((o) => ({ ...o, receipt: o.receipt + 1 }));
            receipt.current?.showModal();
          }}
        >
          {t('receipt')}
        </Button>
        {canRefund && (
          <Button
            variant="secondary"
            onClick={() => {
              setDone('');
              setOpened((o) => ({ ...o, refund: o.refund + 1 }));
              refund.current?.showModal();
            }}
          >
            {t('refundEllipsis')}
          </Button>
        )}
        {canVoid && (
          <Button
            variant="danger"
            onClick={() => {
              setDone('');
              setOpened((o) => ({ ...o, void: o.void + 1 }));
              voiding.current?.showModal();
            }}
          >
            {t('voidEllipsis')}
          </Button>
        )}
      </div>
      <div aria-live="polite">{done && <Alert tone="success">{done}</Alert>}</div>

      <Dialog dialog={receipt} title={t('receiptTitle', { number: orderNumber })} wide>
        {opened.receipt > 0 && <ReceiptBody key={opened.receipt} orderId={orderId} onClose={() => receipt.current?.close()} />}
      </Dialog>
      <Dialog dialog={refund} title={t('refundTitle', { number: orderNumber })} wide>
        {opened.refund > 0 && <RefundForm key={opened.refund} {...props} onDone={finished(refund)} onCancel={() => refund.current?.close()} />}
      </Dialog>
      <Dialog dialog={voiding} title={t('voidTitle', { number: orderNumber })}>
        {opened.void > 0 && <VoidForm key={opened.void} {...props} onDone={finished(voiding)} onCancel={() => voiding.current?.close()} />}
      </Dialog>
    </div>
  );
}

/**
 * A dialog of the orders screen: the title on top, then its content as a `DialogBody` that
 * scrolls and a `DialogFooter` that stays in view, so the actions are never scrolled away
 * (a long refund on a tablet held sideways, 1180×820).
 */
function Dialog({ dialog, title, wide = false, children }: { dialog: RefObject<HTMLDialogElement | null>; title: string; wide?: boolean; children: ReactNode }) {
  const id = useId();
  return (
    <dialog
      ref={dialog}
      aria-labelledby={id}
      className={`m-auto max-h-[92dvh] overflow-hidden rounded-2xl p-0 shadow-xl backdrop:bg-slate-900/40 ${wide ? 'w-[min(44rem,94vw)]' : 'w-[min(28rem,94vw)]'}`}
    >
      <div className="flex max-h-[92dvh] flex-col">
        <h2 id={id} className="shrink-0 border-b border-slate-200 px-6 py-4 text-lg font-semibold">
          {title}
        </h2>
        {children}
      </div>
    </dialog>
  );
}

function DialogBody({ children }: { children: ReactNode }) {
  return <div className="min-h-0 flex-1 space-y-4 overflow-y-auto px-6 py-4">{children}</div>;
}

/** The actions, right-aligned; the server's error sits by them, in view whatever the body is scrolled to. */
function DialogFooter({ children, error, testId }: { children: ReactNode; error?: string | null; testId?: string }) {
  return (
    <div className="shrink-0 space-y-3 border-t border-slate-200 bg-white px-6 py-3" data-testid={testId}>
      {error && <Alert tone="error">{error}</Alert>}
      <div className="flex items-center justify-end gap-2">{children}</div>
    </div>
  );
}

/** The server's 80 mm receipt page in a frame (fresh each time the dialog opens), printed from the frame. */
function ReceiptBody({ orderId, onClose }: { orderId: string; onClose: () => void }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const t = useTranslations('orders');
  const tc = useTranslations('common');
  const [loaded, setLoaded] = useState(false);
  return (
    <>
      <DialogBody>
        <div className="relative h-[60dvh] overflow-hidden rounded-lg bg-slate-100 ring-1 ring-slate-200">
          {!loaded && (
            <p role="status" className="absolute inset-0 flex items-center justify-center text-slate-600">
              {t('loadingReceipt')}
            </p>
          )}
          <iframe
            ref={frame}
            title={t('receipt')}
            src={`/api/v1/orders/${orderId}/receipt`}
            onLoad={() => setLoaded(true)}
            className="relative size-full bg-white"
          />
        </div>
      </DialogBody>
      <DialogFooter>
        <Button variant="ghost" onClick={onClose}>
          {tc('close')}
        </Button>
        <Button onClick={() => frame.current?.contentWindow?.print()} disabled={!loaded}>
          {t('print')}
        </Button>
      </DialogFooter>
    </>
  );
}

export type FormProps = Props & { onDone: (message: string) => void; onCancel: () => void };

function useRegisterName(atRegister: boolean): string {
  const [name, setName] = useState('');
  useEffect(() => {
    if (atRegister) setName(readRegisterName());
  }, [atRegister]);
  return name;
}

export function RefundForm({ orderId, currency, refundable, refundableByTender, approvers, refundNeedsApproval, atRegister, refundOrderAction, onDone, onCancel }: FormProps) {
  const { state, pending, onSubmit } = useFormAction(refundOrderAction, null);
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const registerName = useRegisterName(atRegister);
  const t = useTranslations('orders');
  const tc = useTranslations('common');
  const f = useFormats();
  const fe = state?.fieldErrors ?? {};
  const money = (minor: number) => f.money(minor, currency);
  const set = (line: RefundableLine, q: number) => setQuantities((all) => ({ ...all, [line.id]: Math.max(0, Math.min(line.left, q)) }));
  const qty = (line: RefundableLine) => quantities[line.id] ?? 0;
  const amountFor = (line: RefundableLine) => (qty(line) > 0 ? (line.amounts[qty(line) - 1] ?? 0) : 0);
  const units = refundable.reduce((n, l) => n + qty(l), 0);
  const total = refundable.reduce((sum, l) => sum + amountFor(l), 0);

  useEffect(() => {
    if (state?.ok) onDone(state.ok);
  }, [state]); // only a new answer from the server matters here

  if (refundable.length === 0) {
    return (
      <>
        <DialogBody>
          <p className="text-slate-600">{t('allRefunded')}</p>
        </DialogBody>
        <DialogFooter>
          <Button variant="secondary" onClick={onCancel}>
            {tc('close')}
          </Button>
        </DialogFooter>
      </>
    );
  }

  return (
    <form onSubmit={onSubmit} className="flex min-h-0 flex-1 flex-col" noValidate>
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="registerName" value={registerName} />
      <DialogBody>
        <div className="flex items-center justify-between gap-3">
          <p className="text-sm text-slate-600">{t('chooseWhatComesBack')}</p>
          <Button variant="ghost" onClick={() => setQuantities(Object.fromEntries(refundable.map((l) => [l.id, l.left])))}>
            {t('everythingLeft')}
          </Button>
        </div>
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" aria-label={t('linesToRefund')}>
          {refundable.map((line) => {
            const inputId = `refund-qty-${line.id}`;
            const error = fe[`qty.${line.id}`];
            return (
              <li key={line.id} className="flex flex-wrap items-center gap-3 px-3 py-2" data-testid="refund-line">
                <div className="min-w-0 flex-1">
                  <label htmlFor={inputId} className="block font-medium">
                    {line.label}
                  </label>
                  <p className="text-xs text-slate-500">
                    {t('soldLine', { sold: line.quantity, refunded: line.refundedQuantity, pending: line.pending, left: line.left })}
                  </p>
                  {error && (
                    <p id={`${inputId}-error`} className="text-sm text-red-700">
                      {error}
                    </p>
                  )}
                </div>
                <div className="flex items-center gap-1">
                  <Button variant="secondary" className="w-11 px-0" onClick={() => set(line, qty(line) - 1)} disabled={qty(line) === 0} aria-label={t('oneLess', { item: line.label })}>
                    −
                  </Button>
                  <input
                    id={inputId}
                    name={`qty.${line.id}`}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={line.left}
                    value={qty(line)}
                    onChange={(e) => set(line, Number.parseInt(e.target.value || '0', 10) || 0)}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${inputId}-error` : undefined}
                    className="min-h-11 w-16 rounded-lg border border-slate-300 px-2 text-center text-base tabular-nums"
                  />
                  <Button
                    variant="secondary"
                    className="w-11 px-0"
                    onClick={() => set(line, qty(line) + 1)}
                    disabled={qty(line) >= line.left}
                    aria-label={t('oneMore', { item: line.label })}
                  >
                    +
                  </Button>
                </div>
                <span className="w-28 text-right tabular-nums">{qty(line) > 0 ? money(amountFor(line)) : '—'}</span>
              </li>
            );
          })}
        </ul>
        <p className="flex justify-between rounded-lg bg-slate-50 px-3 py-2 text-base font-semibold" aria-live="polite" data-testid="refund-total">
          <span>{t('goesBack')}</span>
          <span className="tabular-nums">{money(total)}</span>
        </p>
        {refundableByTender.length > 1 && total > 0 && <RefundTenders key={total} total={total} tenders={refundableByTender} currency={currency} error={fe.tenders} />}
        <TextAreaField label={t('reason')} name="reason" required maxLength={300} rows={2} error={fe.reason} placeholder={t('refundReasonExample')} />
        <CheckboxField label={t('restock')} name="restock" defaultChecked hint={t('restockHint')} />
        {refundNeedsApproval && <ApproverPinFields approvers={approvers} errors={fe} what="refund" />}
      </DialogBody>
      <DialogFooter testId="refund-actions" error={state?.error}>
        <Button variant="ghost" onClick={onCancel} disabled={pending}>
          {tc('cancel')}
        </Button>
        <Button type="submit" disabled={pending || units === 0 || (refundNeedsApproval && approvers.length === 0)}>
          {pending ? t('refunding') : units === 0 ? t('chooseWhatToRefund') : t('refundAmount', { amount: money(total) })}
        </Button>
      </DialogFooter>
    </form>
  );
}

export function VoidForm({ orderId, approvers, voidNeedsApproval, voidOrderAction, onDone, onCancel }: FormProps) {
  const { state, pending, onSubmit } = useFormAction(voidOrderAction, null);
  const t = useTranslations('orders');
  const tc = useTranslations('common');
  const fe = state?.fieldErrors ?? {};
  useEffect(() => {
    if (state?.ok) onDone(state.ok);
  }, [state]); // only a new answer from the server matters here
  return (
    <form onSubmit={onSubmit} className="flex min-h-0 flex-1 flex-col" noValidate>
      <input type="hidden" name="orderId" value={orderId} />
      <DialogBody>
        <p className="text-sm text-slate-600">{t('voidBody')}</p>
        <TextAreaField label={t('reason')} name="reason" required maxLength={300} rows={2} error={fe.reason} placeholder={t('voidReasonExample')} />
        {voidNeedsApproval && <ApproverPinFields approvers={approvers} errors={fe} what="void" />}
      </DialogBody>
      <DialogFooter error={state?.error}>
        <Button variant="ghost" onClick={onCancel} disabled={pending}>
          {tc('cancel')}
        </Button>
        <Button type="submit" variant="danger" disabled={pending || (voidNeedsApproval && approvers.length === 0)}>
          {pending ? t('voiding') : t('voidOrder')}
        </Button>
      </DialogFooter>
    </form>
  );
}

/**
 * Where the money of a split-paid order goes: as paid (latest payment first), or amounts per
 * tender the manager sets (each within what it can return; the server checks they add up).
 */
function RefundTenders({ total, tenders, currency, error }: { total: number; tenders: { tender: 'cash' | 'card'; amount: number }[]; currency: string; error?: string }) {
  const [choose, setChoose] = useState(false);
  const tr = useTranslations('orders');
  const f = useFormats();
  const cash = Math.min(total, tenders.find((t) => t.tender === 'cash')?.amount ?? 0);
  // What is typed, as decimals; sent in minor units (what the server's schema takes).
  const [typed, setTyped] = useState<Record<string, string>>({ cash: minorToDecimal(cash, currency), card: minorToDecimal(total - cash, currency) });
  return (
    <fieldset className="space-y-2 rounded-lg border border-slate-200 px-3 py-2">
      <legend className="px-1 text-sm font-medium">{tr('whereMoneyGoes')}</legend>
      <label className="flex items-center gap-2 text-sm">
        <input type="radio" name="goesTo" value="as-paid" checked={!choose} onChange={() => setChoose(false)} /> {tr('asPaid')}
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="radio" name="goesTo" value="split" checked={choose} onChange={() => setChoose(true)} /> {tr('perTender')}
      </label>
      {choose && (
        <div className="grid gap-2 sm:grid-cols-2">
          {tenders.map((t) => (
            <label key={t.tender} className="text-sm">
              {tr('tenderAtMost', { tender: t.tender, currency, amount: f.money(t.amount, currency) })}
              <input
                inputMode="decimal"
                value={typed[t.tender] ?? ''}
                onChange={(e) => setTyped((all) => ({ ...all, [t.tender]: e.target.value }))}
                className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 px-2 tabular-nums"
              />
              <input type="hidden" name={`tender.${t.tender}`} value={String(typedRefundAmount(typed[t.tender] ?? '', currency))} />
            </label>
          ))}
        </div>
      )}
      {error && <p className="text-sm text-red-700">{error}</p>}
    </fieldset>
  );
}
