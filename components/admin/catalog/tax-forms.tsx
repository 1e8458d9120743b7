'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { AddSection, ReferenceRow } from './reference-list';
import { formatRate, percentText } from './format';

export type TaxClassRowData = { id: string; name: string; rateBasisPoints: number };

function RateField({ defaultValue, error }: { defaultValue?: string; error?: string }) {
  const t = useTranslations('admin.catalog.taxes');
  return <TextField label={t('rate')} name="rate" inputMode="decimal" placeholder="7.5" defaultValue={defaultValue} error={error} autoComplete="off" />;
}

export function TaxClassAddForm({ addTaxClassAction }: { addTaxClassAction: FormAction }) {
  const t = useTranslations('admin.catalog.taxes');
  return (
    <AddSection id="add-tax" title={t('addTitle')} action={addTaxClassAction}>
      {({ fieldErrors: fe, pending }) => (
        <div className="grid gap-4 sm:grid-cols-[1fr_9rem_auto] sm:items-start">
          <TextField label={t('name')} name="name" placeholder={t('namePlaceholder')} required maxLength={60} autoComplete="off" error={fe.name} />
          <RateField error={fe.rate} />
          <div className="sm:pt-6">
            <Button type="submit" disabled={pending}>
              {pending ? t('adding') : t('add')}
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
  const t = useTranslations('admin.catalog.taxes');
  return (
    <ReferenceRow
      item={tax}
      testId="tax-row"
      summary={formatRate(tax.rateBasisPoints)}
      canWrite={canWrite}
      updateAction={updateTaxClassAction}
      deleteAction={deleteTaxClassAction}
      consequence={t('deleteConsequence')}
      gridClassName="sm:grid-cols-[1fr_9rem]"
      fields={(fe) => (
        <>
          <TextField label={t('name')} name="name" defaultValue={tax.name} required maxLength={60} autoComplete="off" error={fe.name} />
          <RateField defaultValue={percentText(tax.rateBasisPoints)} error={fe.rate} />
        </>
      )}
    />
  );
}

/** A switch that saves at once (owners); the state is announced after the change. */
export function PricesIncludeTaxSwitch({ value, setPricesIncludeTaxAction }: { value: boolean; setPricesIncludeTaxAction: FormAction }) {
  const t = useTranslations('admin.catalog.taxes');
  const tc = useTranslations('admin.catalog');
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
          {t('pricesInclude')}
        </span>
        <span className="text-sm text-slate-500">{pending ? tc('saving') : value ? tc('on') : tc('off')}</span>
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
  const t = useTranslations('admin.catalog.taxes');
  const tc = useTranslations('admin.catalog');
  const { state, pending, onSubmit } = useFormAction(setDefaultTaxClassAction, null);
  const only = taxes.length === 1 ? taxes[0]! : null;
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <SelectField label={t('newGet')} name="defaultTaxClassId" defaultValue={value ?? ''} key={value ?? ''} error={state?.fieldErrors?.defaultTaxClassId}>
            <option value="">{only ? t('automaticOnly', { name: only.name }) : t('automaticNone')}</option>
            {taxes.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name} ({formatRate(x.rateBasisPoints)})
              </option>
            ))}
          </SelectField>
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? tc('saving') : tc('save')}
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
