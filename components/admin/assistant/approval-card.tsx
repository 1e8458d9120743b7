'use client';

import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { isAdminLink } from './answer-text';

type Input = { item?: string; soldOut?: boolean; threshold?: number };
type Output = { error?: string; item?: string; changed?: boolean; previous?: number | null; location?: string; link?: string } | undefined;

/** What the change is, in words, exactly as the tool will apply it. */
export function changeWords(tool: string, input: Input): string {
  if (tool === 'setItemSoldOut') return input.soldOut ? `Mark “${input.item}” sold out (86) — the register stops selling it` : `Put “${input.item}” back on sale`;
  if (tool === 'setLowStockThreshold') return `Set the low-stock threshold of “${input.item}” to ${input.threshold} at the main location`;
  if (tool === 'draftPurchaseList') return 'Draft a purchase list of everything low on stock at the main location (a draft: nothing is ordered)';
  return tool;
}

/**
 * A change the assistant proposes: the exact change, and Approve / Don't buttons while it waits.
 * Nothing runs until Approve; afterwards the card says what happened (done, refused, not changed).
 */
export function ApprovalCard({
  tool,
  state,
  input,
  output,
  onAnswer,
}: {
  tool: string;
  state: string;
  input?: Input;
  output?: Output;
  onAnswer?: (approved: boolean) => void;
}) {
  const words = changeWords(tool, input ?? {});
  return (
    <div role="group" aria-label="Proposed change" className="my-2 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
      <p className="font-semibold">Change: {words}</p>
      {state === 'input-streaming' || state === 'input-available' ? (
        <p className="text-slate-600">Preparing…</p>
      ) : state === 'approval-requested' ? (
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <span className="text-slate-700">Nothing changes until you approve.</span>
          <Button onClick={() => onAnswer?.(true)}>Approve</Button>
          <Button variant="secondary" onClick={() => onAnswer?.(false)}>
            Don’t change
          </Button>
        </div>
      ) : state === 'approval-responded' ? (
        <p className="text-slate-600">Applying…</p>
      ) : state === 'output-denied' ? (
        <p className="text-slate-700">Not changed.</p>
      ) : state === 'output-error' || output?.error ? (
        <p className="text-red-800">Not changed: {output?.error ?? 'the change failed.'}</p>
      ) : state === 'output-available' ? (
        <p className="font-medium text-emerald-800">
          {output?.changed === false ? 'Already so — nothing to change.' : 'Done.'}{' '}
          {isAdminLink(output?.link) && (
            <Link href={output.link} className="font-semibold text-brand-700 underline">
              Open it
            </Link>
          )}
        </p>
      ) : null}
    </div>
  );
}
