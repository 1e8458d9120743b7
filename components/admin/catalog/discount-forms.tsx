'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { CheckboxField, SelectField, TextField } from '@/components/ui/field';
import type { FormAction } from '@/components/ui/use-form-action';
import { useFormats } from '@/components/ui/formats';
import { minorToDecimal } from '@/lib/platform/money';
import { AddSection, ReferenceRow } from './reference-list';
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

const PLACES = { any: 'placeAny', line: 'placeLine', order: 'placeOrder' } as const;

type DiscountT = ReturnType<typeof useTranslations<'admin.catalog.discounts'>>;

/** "50% off · items or the whole order · needs a manager every time" */
function summary(d: DiscountRowData, currency: string, t: DiscountT, money: (minor: number, currency: string) => string): string {
  const value = d.kind === 'percent' ? formatRate(d.basisPoints ?? 0) : money(d.amount ?? 0, currency);
  return t('summary', { value, place: d.appliesTo, approval: d.needsApproval ? 'yes' : 'no' });
}

/** The fields of a saved discount, for adding and for editing one. */
function DiscountFields({ discount, currency, errors }: { discount?: DiscountRowData; currency: string; errors: Record<string, string | undefined> }) {
  const t = useTranslations('admin.catalog.discounts');
  const value = discount ? (discount.kind === 'percent' ? percentText(discount.basisPoints ?? 0) : minorToDecimal(discount.amount ?? 0, currency)) : undefined;
  return (
    <>
      <TextField label={t('name')} name="name" placeholder={t('namePlaceholder')} required maxLength={60} autoComplete="off" defaultValue={discount?.name} error={errors.name} />
      <SelectField label={t('kind')} name="kind" defaultValue={discount?.kind ?? 'percent'} error={errors.kind}>
        <option value="percent">{t('percentOff')}</option>
        <option value="amount">{t('amountOff', { currency })}</option>
      </SelectField>
      <TextField label={t('value')} name="value" inputMode="decimal" placeholder="50" required defaultValue={value} error={errors.value} autoComplete="off" hint={t('valueHint')} />
      <SelectField label={t('offeredOn')} name="appliesTo" defaultValue={discount?.appliesTo ?? 'any'} error={errors.appliesTo}>
        {Object.entries(PLACES).map(([place, label]) => (
          <option key={place} value={place}>
            {t(label)}
          </option>
        ))}
      </SelectField>
      <div className="sm:col-span-2 sm:pt-1">
        <CheckboxField label={t('needsApproval')} name="needsApproval" defaultChecked={discount?.needsApproval ?? false} />
      </div>
    </>
  );
}

export function DiscountAddForm({ currency, addDiscountAction }: { currency: string; addDiscountAction: FormAction }) {
  const t = useTranslations('admin.catalog.discounts');
  return (
    <AddSection id="add-discount" title={t('addTitle')} action={addDiscountAction}>
      {({ fieldErrors, pending }) => (
        <>
          <div className="grid gap-4 sm:grid-cols-2 sm:items-start">
            <DiscountFields currency={currency} errors={fieldErrors} />
          </div>
          <Button type="submit" disabled={pending}>
            {pending ? t('adding') : t('add')}
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
  const t = useTranslations('admin.catalog.discounts');
  const f = useFormats();
  return (
    <ReferenceRow
      item={discount}
      testId="discount-row"
      summary={summary(discount, currency, t, f.money)}
      canWrite={canWrite}
      updateAction={updateDiscountAction}
      deleteAction={deleteDiscountAction}
      consequence={t('deleteConsequence')}
      gridClassName="sm:grid-cols-2"
      fields={(errors) => <DiscountFields discount={discount} currency={currency} errors={errors} />}
    />
  );
}
