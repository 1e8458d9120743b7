'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { Alert } from '@/components/ui/alert';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { InlineEditForm } from '../inline-edit-form';
import { useInlineEdit } from '../use-inline-edit';
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

/**
 * One row of a reference-data list (a category, tax class, discount): its name and summary line,
 * Edit and Delete for those who may write, the saved message, and in their place the inline edit
 * form while editing, which closes once the save answers ok.
 */
export function ReferenceRow({
  item,
  testId,
  summary,
  leading,
  canWrite,
  updateAction,
  deleteAction,
  consequence,
  gridClassName,
  fields,
}: {
  item: { id: string; name: string };
  testId: string;
  summary: ReactNode;
  /** Shown before the name (a category's colour). */
  leading?: ReactNode;
  canWrite: boolean;
  updateAction: FormAction;
  deleteAction: FormAction;
  /** What deleting it does, for the confirm step. */
  consequence: string;
  gridClassName: string;
  /** The edit form's fields, given the save's field errors. */
  fields: (fieldErrors: Record<string, string | undefined>) => ReactNode;
}) {
  const { state, pending, onSubmit } = useFormAction(updateAction, null);
  const { editing, setEditing, fields: firstField, editButton } = useInlineEdit();

  useEffect(() => {
    if (state?.ok) setEditing(false);
  }, [state, setEditing]);

  return (
    <li className="px-4 py-3" data-testid={testId}>
      <div className="flex flex-wrap items-center gap-3">
        {leading}
        <div className="min-w-0 flex-1">
          <p className="font-medium">{item.name}</p>
          <p className="text-sm text-slate-500 tabular-nums">{summary}</p>
        </div>
        {canWrite && !editing && (
          <RowActions editButton={editButton} onEdit={() => setEditing(true)} deleteAction={deleteAction} id={item.id} name={item.name} consequence={consequence} />
        )}
      </div>
      {state?.ok && !editing && (
        <p role="status" className="mt-2 text-sm text-brand-700">
          {state.ok}
        </p>
      )}
      {editing && (
        <InlineEditForm id={item.id} onSubmit={onSubmit} onCancel={() => setEditing(false)} pending={pending} error={state?.error} fields={firstField} gridClassName={gridClassName}>
          {fields(state?.fieldErrors ?? {})}
        </InlineEditForm>
      )}
    </li>
  );
}
