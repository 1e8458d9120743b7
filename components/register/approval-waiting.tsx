'use client';

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
  return (
    <div role="status" aria-live="polite" className="rounded-lg bg-amber-50 px-3 py-2.5 text-sm text-amber-950 ring-1 ring-amber-400" data-testid="approval-waiting">
      <p className="flex items-center gap-2 font-bold">
        <span className="relative inline-flex size-3 shrink-0" aria-hidden="true">
          <span className="absolute inline-flex size-full rounded-full bg-amber-500 opacity-75 motion-safe:animate-ping" />
          <span className="relative inline-flex size-3 rounded-full bg-amber-600" />
        </span>
        Waiting for a manager’s approval
      </p>
      <p className="mt-1">{message}</p>
      <p className="mt-1" data-testid="approval-asked">
        {approvers.length > 0
          ? `Ask ${approverList(approvers, w.t)} to enter their PIN.`
          : `No manager or owner has a register PIN yet: ${onRemoveDiscounts ? 'remove the discount' : 'put the items back'}, or an owner sets PINs under Admin → Staff.`}
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        {approvers.length > 0 && (
          <Button className="min-h-10" onClick={onAskApproval}>
            Manager PIN
          </Button>
        )}
        {onRemoveDiscounts && (
          <Button variant="secondary" className="min-h-10" onClick={onRemoveDiscounts}>
            Remove the discounts
          </Button>
        )}
      </div>
    </div>
  );
}
