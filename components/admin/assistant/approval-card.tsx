'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import type { Messages } from '@/lib/platform/i18n';
import { isAdminLink } from './answer-text';

type Input = { item?: string; soldOut?: boolean; threshold?: number };
type Output = { error?: string; item?: string; changed?: boolean; previous?: number | null; location?: string; link?: string } | undefined;

type ApprovalT = (key: keyof Messages['admin']['assistant']['approval'], values?: Record<string, string | number>) => string;

/** What the change is, in the reader's words, exactly as the tool will apply it. */
export function changeWords(tool: string, input: Input, t: ApprovalT): string {
  const item = input.item ?? '';
  if (tool === 'setItemSoldOut') return input.soldOut ? t('soldOut', { item }) : t('backOn', { item });
  if (tool === 'setLowStockThreshold') return t('threshold', { item, threshold: input.threshold ?? 0 });
  if (tool === 'draftPurchaseList') return t('draftList');
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
  const t = useTranslations('admin.assistant.approval');
  const words = changeWords(tool, input ?? {}, t);
  return (
    <div role="group" aria-label={t('group')} className="my-2 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
      <p className="font-semibold">{t('change', { words })}</p>
      {state === 'input-streaming' || state === 'input-available' ? (
        <p className="text-slate-600">{t('preparing')}</p>
      ) : state === 'approval-requested' ? (
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <span className="text-slate-700">{t('waiting')}</span>
          <Button onClick={() => onAnswer?.(true)}>{t('approve')}</Button>
          <Button variant="secondary" onClick={() => onAnswer?.(false)}>
            {t('deny')}
          </Button>
        </div>
      ) : state === 'approval-responded' ? (
        <p className="text-slate-600">{t('applying')}</p>
      ) : state === 'output-denied' ? (
        <p className="text-slate-700">{t('notChanged')}</p>
      ) : state === 'output-error' || output?.error ? (
        <p className="text-red-800">{t('failed', { reason: output?.error ?? t('failedGeneric') })}</p>
      ) : state === 'output-available' ? (
        <p className="font-medium text-emerald-800">
          {output?.changed === false ? t('already') : t('done')}{' '}
          {isAdminLink(output?.link) && (
            <Link href={output.link} className="font-semibold text-brand-700 underline">
              {t('openIt')}
            </Link>
          )}
        </p>
      ) : null}
    </div>
  );
}
