'use client';

import { useEffect } from 'react';
import { Button } from '@/components/ui/button';
import { CheckboxField, SelectField, TextField } from '@/components/ui/field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { formatMoney, minorToDecimal } from '@/lib/platform/money';
import { InlineEditForm } from '../inline-edit-form';
import { useInlineEdit } from '../use-inline-edit';
import { AddSection, RowActions } from './reference-list';
import { formatRate, percentText } from './format';

export type DiscountRowData = {
  id: string;
  name: string;
  kind: 'percent' | 'amount';
  basisPoints: number | null;
  amount: number | null;
  appliesTo: 'any' | 'line' | 'order';
  needsApproval: boolean;
};

const PLACES = { any: 'Items or the whole order', line: 'Items only', order: 'The whole order only' } as const;

/** "50% off · items or the whole order · needs a manager" */
function summary(d: DiscountRowData, currency: string): string {
  const value = d.kind === 'percent' ? `${formatRate(d.basisPoints ?? 0)} off` : `${formatMoney(d.amount ?? 0, currency)} off`;
  return [value, PLACES[d.appliesTo].toLowerCase(), d.needsApproval ? 'needs a manager every time' : 'no manager needed'].join(' · ');
}

/** The fields of a saved discount, for adding and for editing one. */
function DiscountFields({ discount, currency, errors }: { discount?: DiscountRowData; currency: string; errors: Record<string, string | undefined> }) {
  const value = discount ? (discount.kind === 'percent' ? percentText(discount.basisPoints ?? 0) : minorToDecimal(discount.amount ?? 0, currency)) : undefined;
  return (
    <>
      <TextField label="Name (the reason)" name="name" placeholder="Staff meal" required maxLength={60} autoComplete="off" defaultValue={discount?.name} error={errors.name} />
      <SelectField label="Kind" name="kind" defaultValue={discount?.kind ?? 'percent'} error={errors.kind}>
        <option value="percent">Percent off</option>
        <option value="amount">Amount off ({currency})</option>
      </SelectField>
      <TextField label="Value" name="value" inputMode="decimal" placeholder="50" required defaultValue={value} error={errors.value} autoComplete="off" hint="A percentage, or an amount" />
      <SelectField label="Offered on" name="appliesTo" defaultValue={discount?.appliesTo ?? 'any'} error={errors.appliesTo}>
        {Object.entries(PLACES).map(([place, label]) => (
          <option key={place} value={place}>
            {label}
          </option>
        ))}
      </SelectField>
      <div className="sm:col-span-2 sm:pt-1">
        <CheckboxField label="Ask for a manager’s PIN every time it is used" name="needsApproval" defaultChecked={discount?.needsApproval ?? false} />
      </div>
    </>
  );
}

export function DiscountAddForm({ currency, addDiscountAction }: { currency: string; addDiscountAction: FormAction }) {
  return (
    <AddSection id="add-discount" title="Add a discount" action={addDiscountAction}>
      {({ fieldErrors, pending }) => (
        <>
          <div className="grid gap-4 sm:grid-cols-2 sm:items-start">
            <DiscountFields currency={currency} errors={fieldErrors} />
          </div>
          <Button type="submit" disabled={pending}>
            {pending ? 'Adding…' : 'Add discount'}
          </Button>
        </>
      )}
    </AddSection>
  );
}

export function DiscountRow({
  discount,
  currency,
  canWrite,
  updateDiscountAction,
  deleteDiscountAction,
}: {
  discount: DiscountRowData;
  currency: string;
  canWrite: boolean;
  updateDiscountAction: FormAction;
  deleteDiscountAction: FormAction;
}) {
  const { state, pending, onSubmit } = useFormAction(updateDiscountAction, null);
  const { editing, setEditing, fields, editButton } = useInlineEdit();

  useEffect(() => {
    if (state?.ok) setEditing(false);
  }, [state, setEditing]);

  return (
    <li className="px-4 py-3" data-testid="discount-row">
      <div className="flex flex-wrap items-center gap-3">
        <div className="min-w-0 flex-1">
          <p className="font-medium">{discount.name}</p>
          <p className="text-sm text-slate-500 tabular-nums">{summary(discount, currency)}</p>
        </div>
        {canWrite && !editing && (
          <RowActions
            editButton={editButton}
            onEdit={() => setEditing(true)}
            deleteAction={deleteDiscountAction}
            id={discount.id}
            name={discount.name}
            consequence="Past orders keep it as they were given it; the register stops offering it."
          />
        )}
      </div>
      {state?.ok && !editing && (
        <p role="status" className="mt-2 text-sm text-brand-700">
          {state.ok}
        </p>
      )}
      {editing && (
        <InlineEditForm id={discount.id} onSubmit={onSubmit} onCancel={() => setEditing(false)} pending={pending} error={state?.error} fields={fields} gridClassName="sm:grid-cols-2">
          <DiscountFields discount={discount} currency={currency} errors={state?.fieldErrors ?? {}} />
        </InlineEditForm>
      )}
    </li>
  );
}
