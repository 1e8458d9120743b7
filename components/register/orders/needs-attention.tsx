'use client';

import { useEffect, useState } from 'react';
import { useTranslations } from 'next-intl';
import { readRegisterName } from '@/components/register/shift/register-name';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useFormats } from '@/components/ui/formats';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import type { RefusedSaleView } from '@/lib/orders';
import { useApiErrorText } from '../api-errors';

type Props = {
  sales: RefusedSaleView[];
  timeZone: string;
  /** A manager or owner (`offline:resolve`): re-ring and write off are offered. */
  canResolve: boolean;
  writeOffAction: FormAction;
  /** At a register: re-ring into this register's open shift (its name is in localStorage). Absent in the admin. */
  reringAction?: FormAction;
};

/**
 * "Needs attention" (docs/offline.md): the offline sales the server refused, reported by the
 * registers that made them, each with what the server said, until a manager re-rings it as a normal
 * sale (at a register) or writes it off with a reason. The register that made it clears its own
 * copy on its next sync.
 */
export function NeedsAttention({ sales, timeZone, canResolve, writeOffAction, reringAction }: Props) {
  const t = useTranslations('needsAttention');
  return (
    <section aria-labelledby="needs-attention-title" id="needs-attention" className="space-y-3 rounded-xl border border-red-200 bg-red-50/60 p-4" data-testid="needs-attention">
      <div>
        <h2 id="needs-attention-title" className="text-lg font-bold text-red-950">
          {t('title', { count: sales.length })}
        </h2>
        <p className="text-sm text-slate-700">{canResolve ? t('intro') : t('introCashier')}</p>
      </div>
      {sales.length === 0 ? (
        <p className="text-sm text-slate-600">{t('none')}</p>
      ) : (
        <ul className="divide-y divide-red-100">
          {sales.map((sale) => (
            <RefusedSaleRow key={sale.id} sale={sale} timeZone={timeZone} canResolve={canResolve} writeOffAction={writeOffAction} reringAction={reringAction} />
          ))}
        </ul>
      )}
    </section>
  );
}

function RefusedSaleRow({ sale, timeZone, canResolve, writeOffAction, reringAction }: Omit<Props, 'sales'> & { sale: RefusedSaleView }) {
  const t = useTranslations('needsAttention');
  const f = useFormats();
  const errorText = useApiErrorText();
  const [writingOff, setWritingOff] = useState(false);
  const items = sale.lines.map((l) => t('line', { quantity: l.quantity, item: l.item ?? t('unknownItem') })).join(', ');
  return (
    <li className="space-y-2 py-3" data-testid="refused-sale">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="font-semibold tabular-nums">{t('row', { number: sale.provisional, time: f.dateTime(sale.placedAt, timeZone), amount: f.money(sale.total, sale.currency) })}</p>
        <p className="text-sm text-slate-600">{t('who', { register: sale.registerName ?? '—', cashier: sale.cashierName ?? '—', cash: f.money(sale.cashTendered, sale.currency) })}</p>
      </div>
      <p className="text-sm text-slate-800">{items}</p>
      <p className="text-sm font-medium text-red-800" data-testid="refused-reason">
        {t('reason', { reason: errorText(sale.error) })}
      </p>
      {canResolve && (
        <div className="flex flex-wrap items-start gap-2">
          {reringAction && <ReringForm saleId={sale.id} action={reringAction} />}
          {writingOff ? (
            <WriteOffForm saleId={sale.id} action={writeOffAction} onCancel={() => setWritingOff(false)} />
          ) : (
            <Button variant="secondary" className="min-h-10" onClick={() => setWritingOff(true)}>
              {t('writeOff')}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}

function ReringForm({ saleId, action }: { saleId: string; action: FormAction }) {
  const t = useTranslations('needsAttention');
  const { state, pending, onSubmit } = useFormAction(action, null);
  const [registerName, setRegisterName] = useState('');
  useEffect(() => setRegisterName(readRegisterName()), []);
  return (
    <form onSubmit={onSubmit} className="space-y-1">
      <input type="hidden" name="saleId" value={saleId} />
      <input type="hidden" name="registerName" value={registerName} />
      <Button type="submit" className="min-h-10" disabled={pending || !registerName}>
        {pending ? t('reringing') : t('rering', { register: registerName })}
      </Button>
      {state?.error && <Alert tone="error">{state.error}</Alert>}
      {state?.ok && <Alert tone="success">{state.ok}</Alert>}
    </form>
  );
}

function WriteOffForm({ saleId, action, onCancel }: { saleId: string; action: FormAction; onCancel: () => void }) {
  const t = useTranslations('needsAttention');
  const tc = useTranslations('common');
  const { state, pending, onSubmit } = useFormAction(action, null);
  return (
    <form onSubmit={onSubmit} className="flex flex-1 flex-wrap items-end gap-2" noValidate>
      <input type="hidden" name="saleId" value={saleId} />
      <div className="min-w-60 flex-1">
        <TextField label={t('writeOffReason')} name="reason" required maxLength={200} placeholder={t('writeOffExample')} error={state?.fieldErrors?.reason} />
      </div>
      <Button type="submit" variant="danger" className="min-h-10" disabled={pending}>
        {pending ? t('writingOff') : t('confirmWriteOff')}
      </Button>
      <Button variant="ghost" className="min-h-10" onClick={onCancel} disabled={pending}>
        {tc('cancel')}
      </Button>
      {state?.error && !state.fieldErrors?.reason && <Alert tone="error">{state.error}</Alert>}
    </form>
  );
}
