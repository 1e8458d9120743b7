'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { approverList , useRegisterWords } from './format';

/**
 * The sale waits for a manager: a discount is over what this person may give, or units the
 * kitchen already has come off a tab. Said as a state of its own (a status, not an error): what
 * waits, who can approve it, and the ways on — their PIN, or (a discount) taking it off; units
 * taken off are put back on the line itself.
 */
export function ApprovalWaiting({
  message,
  approvers,
  onAskApproval,
  onRemoveDiscounts,
}: {
  message: string;
  approvers: { name: string; role?: string }[];
  onAskApproval: () => void;
  /** Only when a discount is what waits. */
  onRemoveDiscounts?: () => void;
}) {
  const w = useRegisterWords();
  const t = useTranslations('dialogs');
  return (
    <div role="status" aria-live="polite" className="rounded-lg bg-amber-50 px-3 py-2.5 text-sm text-amber-950 ring-1 ring-amber-400" data-testid="approval-waiting">
      <p className="flex items-center gap-2 font-bold">
        <span className="relative inline-flex size-3 shrink-0" aria-hidden="true">
          <span className="absolute inline-flex size-full rounded-full bg-amber-500 opacity-75 motion-safe:animate-ping" />
          <span className="relative inline-flex size-3 rounded-full bg-amber-600" />
        </span>
        {t('waitingApproval')}
      </p>
      <p className="mt-1">{message}</p>
      <p className="mt-1" data-testid="approval-asked">
        {approvers.length > 0
          ? t('askToEnterPin', { approvers: approverList(approvers, w.t) })
          : t(onRemoveDiscounts ? 'noPinRemoveDiscount' : 'noPinPutBack')}
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        {approvers.length > 0 && (
          <Button className="min-h-10" onClick={onAskApproval}>
            {t('managerPin')}
          </Button>
        )}
        {onRemoveDiscounts && (
          <Button variant="secondary" className="min-h-10" onClick={onRemoveDiscounts}>
            {t('removeDiscounts')}
          </Button>
        )}
      </div>
    </div>
  );
}
