import Link from 'next/link';
import type { FirstDayChecklist, ChecklistStep } from '@/lib/onboarding';
import type { FormAction } from '@/components/ui/use-form-action';
import { ChecklistButton } from './checklist-button';

/** What each step says, and what its link says. Plain strings, one per step (to be extracted for translation). */
const STEPS: Record<ChecklistStep, { title: string; hint: string; link: string }> = {
  items: { title: 'Add your items', hint: 'Add products one by one, or import a spreadsheet (CSV).', link: 'Add items' },
  taxes: { title: 'Set your taxes', hint: 'The tax classes your prices carry.', link: 'Set taxes' },
  staff: { title: 'Add staff with PINs', hint: 'Each person signs in at the register with their own PIN.', link: 'Add staff' },
  tables: { title: 'Set up your tables', hint: 'Six starter tables are on the floor plan; rename, add or move them.', link: 'Set up tables' },
  shift: { title: 'Open your first shift', hint: 'Count the float into the drawer and start selling.', link: 'Open a shift' },
};

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
  const { items } = checklist;
  const done = items.filter((i) => i.done).length;
  const allDone = done === items.length;
  return (
    <section aria-labelledby="first-day-heading" className="rounded-xl border border-brand-100 bg-brand-50/60 p-5" data-testid="first-day-checklist">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <div>
          <h2 id="first-day-heading" className="text-lg font-semibold text-slate-900">
            {allDone ? 'Your store is ready' : 'Get your store ready'}
          </h2>
          <p className="text-sm text-slate-600" id="first-day-progress">
            {done} of {items.length} done
          </p>
        </div>
        {canDismiss && (
          <ChecklistButton action={dismissAction} label={allDone ? 'Hide this list' : 'Dismiss the checklist'} tone="secondary" />
        )}
      </div>
      <progress className="mt-3 h-2 w-full accent-brand-600" value={done} max={items.length} aria-labelledby="first-day-progress" />
      <ul className="mt-4 divide-y divide-brand-100" aria-describedby="first-day-progress">
        {items.map((item) => {
          const step = STEPS[item.step];
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
                    {step.title}
                    <span className="sr-only">{item.done ? ' (done)' : ' (to do)'}</span>
                  </p>
                  <p className="text-sm text-slate-600">{step.hint}</p>
                </div>
              </div>
              {!item.done && (
                <Link href={item.href} className="text-sm font-semibold text-brand-700 underline">
                  {step.link}
                </Link>
              )}
            </li>
          );
        })}
      </ul>
      {checklist.removableSamples > 0 && canRemoveSamples && (
        <div className="mt-3 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white p-3">
          <p className="text-sm text-slate-700">
            Your catalog has <strong>{checklist.removableSamples}</strong> sample items. Remove them when you have added your own; items you
            edited are kept, and items already sold are archived so past orders still show them.
          </p>
          <ChecklistButton action={removeSamplesAction} label="Remove sample items" tone="secondary" />
        </div>
      )}
    </section>
  );
}
