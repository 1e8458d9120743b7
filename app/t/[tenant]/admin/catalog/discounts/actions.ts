'use server';

import { issueWords } from '@/lib/platform/issue-words';
import { getTranslations } from 'next-intl/server';
import { staffAction, type FormState } from '@/lib/auth';
import { savedDiscountInputSchema, savedDiscountService } from '@/lib/catalog';
import { text } from '@/lib/platform/form-data';
import { currentCurrency } from '@/lib/tenancy';
import { basisPoints, formSchema, idInputSchema, isUuid, obj, priceOf, str } from '../form-input';

/** The form has one "value" field: a percentage or an amount, as the kind says; its errors show there. */
const discountFormSchema = (currency: string) =>
  formSchema(
    savedDiscountInputSchema,
    (raw, report) => {
      const d = obj(raw);
      const kind = str(d.kind) === 'amount' ? 'amount' : 'percent';
      return {
        name: str(d.name),
        kind,
        basisPoints: kind === 'percent' ? basisPoints(d.value, ['value'], report, 'Enter the percentage off', issueWords('percentageOff').words) : null,
        amount: kind === 'amount' ? priceOf(d.value, currency, ['value'], report) : null,
        appliesTo: str(d.appliesTo) || 'any',
        needsApproval: d.needsApproval === 'on',
      };
    },
    (path, message) => (path[0] === 'basisPoints' || path[0] === 'amount' ? { path: ['value'], message } : { path, message }),
  );

export async function addDiscountAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return staffAction('catalog:write', discountFormSchema(await currentCurrency()), Object.fromEntries(formData), async (ctx, data) => {
    const discount = await savedDiscountService.create(ctx, data);
    return (await getTranslations('admin.catalog.discounts'))('added', { name: discount.name });
  });
}

export async function updateDiscountAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const id = text(formData, 'id');
  if (!isUuid(id)) return { error: (await getTranslations('admin.catalog.discounts'))('gone') };
  return staffAction('catalog:write', discountFormSchema(await currentCurrency()), Object.fromEntries(formData), async (ctx, data) => {
    const discount = await savedDiscountService.replace(ctx, id, data);
    return (await getTranslations('admin.catalog.discounts'))('savedOne', { name: discount.name });
  });
}

export async function deleteDiscountAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return staffAction('catalog:write', idInputSchema, { id: text(formData, 'id') }, async (ctx, { id }) => {
    await savedDiscountService.remove(ctx, id);
    return (await getTranslations('admin.catalog.discounts'))('deleted');
  });
}
