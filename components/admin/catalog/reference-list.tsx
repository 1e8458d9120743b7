'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { Alert } from '@/components/ui/alert';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { ConfirmDelete } from './confirm-delete';

/**
 * The "Add a …" card of a reference-data page (categories, taxes, discounts): the form with its
 * messages; after an add it empties and puts the cursor back in the name, ready for the next.
 */
export function AddSection({
  id,
  title,
  action,
  children,
}: {
  id: string;
  title: string;
  action: FormAction;
  children: (form: { fieldErrors: Record<string, string | undefined>; pending: boolean }) => ReactNode;
}) {
  const { state, pending, onSubmit } = useFormAction(action, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) {
      form.current?.reset();
      form.current?.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
    }
  }, [state]);
  return (
    <section aria-labelledby={id} className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <form ref={form} onSubmit={onSubmit} className="mt-4 space-y-4" noValidate>
        {state?.error && <Alert tone="error">{state.error}</Alert>}
        {state?.ok && <Alert tone="success">{state.ok}</Alert>}
        {children({ fieldErrors: state?.fieldErrors ?? {}, pending })}
      </form>
    </section>
  );
}

/** A row's Edit and Delete (with its confirm step), named for screen readers. */
export function RowActions({
  name,
  id,
  editButton,
  onEdit,
  deleteAction,
  consequence,
}: {
  name: string;
  id: string;
  editButton: RefObject<HTMLButtonElement | null>;
  onEdit: () => void;
  deleteAction: FormAction;
  consequence: string;
}) {
  const t = useTranslations('admin.catalog');
  return (
    <>
      <button ref={editButton} type="button" onClick={onEdit} className="min-h-11 rounded-lg px-3 text-sm font-semibold text-brand-700 ring-1 ring-slate-200 hover:bg-slate-50">
        {t('edit')}
        <span className="sr-only">{t('nameSr', { name })}</span>
      </button>
      <ConfirmDelete action={deleteAction} id={id} name={name} consequence={consequence} />
    </>
  );
}
