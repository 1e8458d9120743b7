'use client';

import { useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import { useApiErrorText } from './api-errors';
import { Button } from '@/components/ui/button';
import type { ApiError } from './api';
import { ApprovalFields } from './approval-dialog';
import { Modal } from './modal';
import type { Approval } from './types';

/**
 * Voiding the unpaid order on screen (the customer left, the order was wrong): a reason, and
 * — for a cashier — a manager's PIN. Its items go back into stock.
 */
export function VoidDialog({
  open,
  orderNumber,
  canVoid,
  approvers,
  onClose,
  onVoid,
}: {
  open: boolean;
  orderNumber: number | null;
  canVoid: boolean;
  approvers: { id: string; name: string; role?: string }[];
  onClose: () => void;
  onVoid: (reason: string, approval: Approval | null) => Promise<{ ok: true } | { ok: false; error: ApiError }>;
}) {
  const t = useTranslations('dialogs');
  return (
    <Modal open={open} onClose={onClose} size="sm" title={t('voidTitle', { number: orderNumber ?? '' })} description={t('voidDescription')} testId="void-dialog">
      <VoidForm canVoid={canVoid} approvers={approvers} onVoid={onVoid} onCancel={onClose} />
    </Modal>
  );
}

function VoidForm({
  canVoid,
  approvers,
  onVoid,
  onCancel,
}: {
  canVoid: boolean;
  approvers: { id: string; name: string; role?: string }[];
  onVoid: (reason: string, approval: Approval | null) => Promise<{ ok: true } | { ok: false; error: ApiError }>;
  onCancel: () => void;
}) {
  const t = useTranslations('dialogs');
  const errorText = useApiErrorText();
  const id = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const reasonOk = reason.trim().length >= 3;

  const submit = async (approval: Approval | null) => {
    if (!reasonOk) return setError(t('sayWhy'));
    setPending(true);
    const result = await onVoid(reason.trim(), approval);
    setPending(false);
    if (!result.ok) setError(errorText(result.error));
  };

  return (
    <div className="space-y-3 p-5">
      <div className="space-y-1">
        <label htmlFor={`${id}-reason`} className="block text-sm font-bold">
          {t('reason')}
        </label>
        <input
          id={`${id}-reason`}
          data-autofocus
          value={reason}
          maxLength={300}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('voidReasonExample')}
          className="block min-h-11 w-full rounded-lg border border-slate-300 px-3 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
        />
      </div>
      {canVoid ? (
        <>
          {error && (
            <p role="alert" className="text-sm font-semibold text-red-700">
              {error}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={onCancel}>
              {t('cancel')}
            </Button>
            <Button variant="danger" disabled={pending} onClick={() => void submit(null)}>
              {pending ? t('voiding') : t('voidOrder')}
            </Button>
          </div>
        </>
      ) : (
        <div className="-mx-5 -mb-5 border-t border-slate-200">
          <p className="px-5 pt-3 text-sm text-slate-700">{t('managerApprovesVoids')}</p>
          <ApprovalFields permission="order:void" approvers={approvers} error={error} onApprove={(a) => void submit(a)} onCancel={onCancel} submitLabel={pending ? t('voiding') : t('approveAndVoid')} />
        </div>
      )}
    </div>
  );
}
