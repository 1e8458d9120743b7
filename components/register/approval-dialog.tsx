'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Modal } from './modal';
import type { Approval } from './types';

/**
 * A manager (or owner) approves at the register: picks their name, types their PIN. The PIN
 * is only sent with the request that needs it; the server checks it (10 wrong tries lock it).
 */
export function ApprovalDialog({
  open,
  reason,
  approvers,
  error,
  onClose,
  onApprove,
}: {
  open: boolean;
  reason: string;
  approvers: { id: string; name: string }[];
  error?: string | null;
  onClose: () => void;
  onApprove: (approval: Approval) => void;
}) {
  return (
    <Modal open={open} onClose={onClose} size="sm" title="Manager approval" description={reason} testId="approval-dialog">
      <ApprovalFields approvers={approvers} error={error} onApprove={onApprove} onCancel={onClose} />
    </Modal>
  );
}

export function ApprovalFields({
  approvers,
  error,
  onApprove,
  onCancel,
  submitLabel = 'Approve',
}: {
  approvers: { id: string; name: string }[];
  error?: string | null;
  onApprove: (approval: Approval) => void;
  onCancel?: () => void;
  submitLabel?: string;
}) {
  const id = useId();
  const [userId, setUserId] = useState(approvers[0]?.id ?? '');
  const [pin, setPin] = useState('');
  if (approvers.length === 0) {
    return (
      <div className="space-y-4 p-5">
        <p className="text-sm text-slate-700">No manager or owner has a register PIN yet. An owner sets PINs under Admin → Staff.</p>
        {onCancel && (
          <div className="flex justify-end">
            <Button variant="secondary" onClick={onCancel}>
              Close
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
        if (userId && /^\d{4,6}$/.test(pin)) onApprove({ userId, pin });
      }}
    >
      {error && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <div className="space-y-1">
        <label htmlFor={`${id}-who`} className="block text-sm font-bold">
          Manager
        </label>
        <select
          id={`${id}-who`}
          value={userId}
          onChange={(e) => setUserId(e.target.value)}
          className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 text-base focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
        >
          {approvers.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-pin`} className="block text-sm font-bold">
          Their PIN
        </label>
        <input
          id={`${id}-pin`}
          data-autofocus
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={6}
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
          className="block min-h-11 w-full rounded-lg border border-slate-300 px-3 text-lg tracking-widest focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
        />
        <p className="text-xs text-slate-600">4–6 digits</p>
      </div>
      <div className="flex justify-end gap-2">
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <Button type="submit" disabled={!/^\d{4,6}$/.test(pin)}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
