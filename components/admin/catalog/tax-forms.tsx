'use client';

import { useEffect } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { InlineEditForm } from '../inline-edit-form';
import { useInlineEdit } from '../use-inline-edit';
import { AddSection, RowActions } from './reference-list';
import { formatRate, percentText } from './format';

export type TaxClassRowData = { id: string; name: string; rateBasisPoints: number };

const RateField = ({ defaultValue, error }: { defaultValue?: string; error?: string }) => (
  <TextField label="Rate (%)" name="rate" inputMode="decimal" placeholder="7.5" defaultValue={defaultValue} error={error} autoComplete="off" />
);

export function TaxClassAddForm({ addTaxClassAction }: { addTaxClassAction: FormAction }) {
  return (
    <AddSection id="add-tax" title="Add a tax class" action={addTaxClassAction}>
      {({ fieldErrors: fe, pending }) => (
        <div className="grid gap-4 sm:grid-cols-[1fr_9rem_auto] sm:items-start">
          <TextField label="Name" name="name" placeholder="Commercial tax" required maxLength={60} autoComplete="off" error={fe.name} />
          <RateField error={fe.rate} />
          <div className="sm:pt-6">
            <Button type="submit" disabled={pending}>
              {pending ? 'Adding…' : 'Add'}
            </Button>
          </div>
        </div>
      )}
    </AddSection>
  );
}

export function TaxClassRow({
  tax,
  canWrite,
  updateTaxClassAction,
  deleteTaxClassAction,
}: {
  tax: TaxClassRowData;
  canWrite: boolean;
  updateTaxClassAction: FormAction;
  deleteTaxClassAction: FormAction;
}) {
  const { state, pending, onSubmit } = useFormAction(updateTaxClassAction, null);
  const { editing, setEditing, fields, editButton } = useInlineEdit();
  const fe = state?.fieldErrors ?? {};

  useEffect(() => {
    if (state?.ok) setEditing(false);
  }, [state, setEditing]);

  return (
    <li className="px-4 py-3" data-testid="tax-row">
      <div className="flex flex-wrap items-center gap-3">
        <div className="min-w-0 flex-1">
          <p className="font-medium">{tax.name}</p>
          <p className="text-sm text-slate-500 tabular-nums">{formatRate(tax.rateBasisPoints)}</p>
        </div>
        {canWrite && !editing && (
          <RowActions
            editButton={editButton}
            onEdit={() => setEditing(true)}
            deleteAction={deleteTaxClassAction}
            id={tax.id}
            name={tax.name}
            consequence="Products in this class stay in the catalog but are sold with no tax until you give them another class."
          />
        )}
      </div>
      {state?.ok && !editing && (
        <p role="status" className="mt-2 text-sm text-brand-700">
          {state.ok}
        </p>
      )}
      {editing && (
        <InlineEditForm id={tax.id} onSubmit={onSubmit} onCancel={() => setEditing(false)} pending={pending} error={state?.error} fields={fields} gridClassName="sm:grid-cols-[1fr_9rem]">
          <TextField label="Name" name="name" defaultValue={tax.name} required maxLength={60} autoComplete="off" error={fe.name} />
          <RateField defaultValue={percentText(tax.rateBasisPoints)} error={fe.rate} />
        </InlineEditForm>
      )}
    </li>
  );
}

/** A switch that saves at once (owners); the state is announced after the change. */
export function PricesIncludeTaxSwitch({ value, setPricesIncludeTaxAction }: { value: boolean; setPricesIncludeTaxAction: FormAction }) {
  const { state, pending, onSubmit } = useFormAction(setPricesIncludeTaxAction, null);
  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <input type="hidden" name="pricesIncludeTax" value={String(!value)} />
      <div className="flex items-center gap-3">
        <button
          type="submit"
          role="switch"
          aria-checked={value}
          aria-labelledby="prices-include-tax-label"
          disabled={pending}
          className={`relative inline-flex h-8 w-14 shrink-0 items-center rounded-full transition disabled:opacity-60 ${value ? 'bg-brand-600' : 'bg-slate-300'}`}
        >
          <span className={`inline-block size-6 rounded-full bg-white shadow transition ${value ? 'translate-x-7' : 'translate-x-1'}`} />
        </button>
        <span id="prices-include-tax-label" className="font-medium">
          Prices include tax
        </span>
        <span className="text-sm text-slate-500">{pending ? 'Saving…' : value ? 'On' : 'Off'}</span>
      </div>
      {state?.error && <Alert tone="error">{state.error}</Alert>}
      {state?.ok && (
        <p role="status" className="text-sm text-brand-700">
          {state.ok}
        </p>
      )}
    </form>
  );
}

/**
 * The tax class the product form preselects. "Automatic" (none chosen) is the only class when
 * there is exactly one, else "No tax": a café with one 5 % class never has to pick it.
 */
export function DefaultTaxClassForm({
  taxes,
  value,
  setDefaultTaxClassAction,
}: {
  taxes: TaxClassRowData[];
  value: string | null;
  setDefaultTaxClassAction: FormAction;
}) {
  const { state, pending, onSubmit } = useFormAction(setDefaultTaxClassAction, null);
  const only = taxes.length === 1 ? taxes[0]! : null;
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <SelectField label="New products get" name="defaultTaxClassId" defaultValue={value ?? ''} key={value ?? ''} error={state?.fieldErrors?.defaultTaxClassId}>
            <option value="">{only ? `Automatic: ${only.name} (the only class)` : 'Automatic: no tax until you choose a class'}</option>
            {taxes.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} ({formatRate(t.rateBasisPoints)})
              </option>
            ))}
          </SelectField>
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save'}
        </Button>
      </div>
      {state?.error && <Alert tone="error">{state.error}</Alert>}
      {state?.ok && (
        <p role="status" className="text-sm text-brand-700">
          {state.ok}
        </p>
      )}
    </form>
  );
}
