'use client';

import { useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import { useApiErrorText } from './api-errors';
import { Button } from '@/components/ui/button';
import { api } from './api';
import { Modal } from './modal';
import type { Approval, ApprovablePermission } from './types';

/** Who may approve; `role` where the register knows it (the PIN exchange answers only id and name). */
type Approver = { id: string; name: string; role?: string };

/**
 * A manager (or owner) approves at the register: picks their name, types their PIN. The PIN
 * goes to the server once (POST /api/v1/approvals) and is forgotten; what comes back is a
 * short-lived token for this one kind of action, which the register sends instead.
 */
export function ApprovalDialog({
  open,
  reason,
  permission,
  approvers,
  error,
  onClose,
  onApprove,
}: {
  open: boolean;
  reason: string;
  permission: ApprovablePermission;
  approvers: Approver[];
  error?: string | null;
  onClose: () => void;
  onApprove: (approval: Approval, approver: Approver) => void;
}) {
  const t = useTranslations('dialogs');
  return (
    <Modal open={open} onClose={onClose} size="sm" title={t('managerApproval')} description={reason} testId="approval-dialog">
      <ApprovalFields permission={permission} approvers={approvers} error={error} onApprove={onApprove} onCancel={onClose} />
    </Modal>
  );
}

export function ApprovalFields({
  permission,
  approvers,
  error,
  onApprove,
  onCancel,
  submitLabel,
}: {
  permission: ApprovablePermission;
  approvers: Approver[];
  error?: string | null;
  onApprove: (approval: Approval, approver: Approver) => void;
  onCancel?: () => void;
  submitLabel?: string;
}) {
  const t = useTranslations('dialogs');
  const tr = useTranslations('roles');
  const errorText = useApiErrorText();
  const id = useId();
  const [userId, setUserId] = useState(approvers[0]?.id ?? '');
  const [pin, setPin] = useState('');
  const [checking, setChecking] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);

  const exchange = async () => {
    setChecking(true);
    // No Idempotency-Key: a retried exchange just checks the PIN again (the answer holds a token).
    const result = await api<{ token: string; approver: Approver }>('/api/v1/approvals', { method: 'POST', body: { userId, pin, permission }, key: null, retries: 1 });
    setPin(''); // typed once: never kept
    setChecking(false);
    if (!result.ok) return setRefused(errorText(result.error));
    setRefused(null);
    onApprove({ token: result.data.token }, result.data.approver);
  };

  if (approvers.length === 0) {
    return (
      <div className="space-y-4 p-5">
        <p className="text-sm text-slate-700">{t('noApproverPins')}</p>
        {onCancel && (
          <div className="flex justify-end">
            <Button variant="secondary" onClick={onCancel}>
              {t('close')}
            </Button>
          </div>
        )}
      </div>
    );
  }
  return (
    <form
      className="space-y-4 p-5"
      onSubmit={(e) => {
        e.preventDefault();
        if (userId && /^\d{4,6}$/.test(pin) && !checking) void exchange();
      }}
    >
      {(refused ?? error) && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {refused ?? error}
        </p>
      )}
      <div className="space-y-1">
        <label htmlFor={`${id}-who`} className="block text-sm font-bold">
          {t('managerOrOwner')}
        </label>
        <select
          id={`${id}-who`}
          value={userId}
          onChange={(e) => setUserId(e.target.value)}
          className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 text-base focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
        >
          {approvers.map((a) => (
            <option key={a.id} value={a.id}>
              {a.role === 'owner' || a.role === 'manager' ? `${a.name} (${tr(a.role)})` : a.role ? `${a.name} (${a.role})` : a.name}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-pin`} className="block text-sm font-bold">
          {t('theirPin')}
        </label>
        <input
          id={`${id}-pin`}
          data-autofocus
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={6}
          value={pin}
          onChange={(e) => {
            setPin(e.target.value.replace(/\D/g, ''));
            setRefused(null);
          }}
          className="block min-h-11 w-full rounded-lg border border-slate-300 px-3 text-lg tracking-widest focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
        />
        <p className="text-xs text-slate-600">{t('pinLength')}</p>
      </div>
      {/* Always there (empty while idle), so the form keeps its height when the check starts and ends. */}
      <div role="status" className="min-h-5 text-sm font-semibold text-slate-700" data-testid="approval-checking">
        {checking && (
          <span className="flex items-center gap-2">
            <span className="inline-block size-4 animate-spin rounded-full border-2 border-slate-300 border-t-brand-600 motion-reduce:animate-none" aria-hidden="true" />
            {((name) => (name ? t('checkingPinOf', { name }) : t('checkingPin')))(approvers.find((a) => a.id === userId)?.name)}
          </span>
        )}
      </div>
      <div className="flex justify-end gap-2">
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            {t('cancel')}
          </Button>
        )}
        <Button type="submit" disabled={checking || !/^\d{4,6}$/.test(pin)} aria-busy={checking || undefined}>
          {submitLabel ?? t('approve')}
        </Button>
      </div>
    </form>
  );
}
