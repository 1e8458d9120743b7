import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { FirstDayChecklist } from '@/lib/onboarding';
import type { FormAction } from '@/components/ui/use-form-action';
import { ChecklistButton } from './checklist-button';

/**
 * The first-day checklist (server component): each step ticks itself off from what exists.
 * A list whose items say "done" or "to do" in words, not only with a mark, so a screen reader
 * hears the state; the mark itself is decorative.
 */
export function FirstDayChecklistPanel({
  checklist,
  canDismiss,
  canRemoveSamples,
  dismissAction,
  removeSamplesAction,
}: {
  checklist: FirstDayChecklist;
  canDismiss: boolean;
  canRemoveSamples: boolean;
  dismissAction: FormAction;
  removeSamplesAction: FormAction;
}) {
  const t = useTranslations('admin.checklist');
  const { items } = checklist;
  const done = items.filter((i) => i.done).length;
  const allDone = done === items.length;
  return (
    <section aria-labelledby="first-day-heading" className="rounded-xl border border-brand-100 bg-brand-50/60 p-5" data-testid="first-day-checklist">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <div>
          <h2 id="first-day-heading" className="text-lg font-semibold text-slate-900">
            {allDone ? t('ready') : t('getReady')}
          </h2>
          <p className="text-sm text-slate-600" id="first-day-progress">
            {t('progress', { done, total: items.length })}
          </p>
        </div>
        {canDismiss && (
          <ChecklistButton action={dismissAction} label={allDone ? t('hide') : t('dismiss')} tone="secondary" />
        )}
      </div>
      <progress className="mt-3 h-2 w-full accent-brand-600" value={done} max={items.length} aria-labelledby="first-day-progress" />
      <ul className="mt-4 divide-y divide-brand-100" aria-describedby="first-day-progress">
        {items.map((item) => {
          return (
            <li key={item.step} className="flex flex-wrap items-center justify-between gap-3 py-3" data-step={item.step} data-done={item.done}>
              <div className="flex items-start gap-3">
                <span
                  aria-hidden="true"
                  className={`mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full border text-sm font-bold ${item.done ? 'border-emerald-600 bg-emerald-600 text-white' : 'border-slate-400 bg-white text-transparent'}`}
                >
                  ✓
                </span>
                <div>
                  <p className={`font-medium ${item.done ? 'text-slate-500 line-through decoration-slate-400' : 'text-slate-900'}`}>
                    {t(`steps.${item.step}.title`)}
                    <span className="sr-only">{item.done ? t('stepDone') : t('stepToDo')}</span>
                  </p>
                  <p className="text-sm text-slate-600">{t(`steps.${item.step}.hint`)}</p>
                </div>
              </div>
              {!item.done && (
                <Link href={item.href} className="text-sm font-semibold text-brand-700 underline">
                  {t(`steps.${item.step}.link`)}
                </Link>
              )}
            </li>
          );
        })}
      </ul>
      {checklist.removableSamples > 0 && canRemoveSamples && (
        <div className="mt-3 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white p-3">
          <p className="text-sm text-slate-700">
            {t.rich('samples', { count: checklist.removableSamples, strong: (chunks) => <strong>{chunks}</strong> })}
          </p>
          <ChecklistButton action={removeSamplesAction} label={t('removeSamples')} tone="secondary" />
        </div>
      )}
    </section>
  );
}
