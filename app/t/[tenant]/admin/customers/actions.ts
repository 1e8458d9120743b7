'use server';

import { getTranslations } from 'next-intl/server';
import { staffAction, type FormState } from '@/lib/auth';
import { createCustomer, customerInputSchema, customerPatchSchema, eraseCustomerSchema, loyaltySettingsSchema, updateCustomer, updateLoyaltySettings } from '@/lib/customers';
import { eraseCustomer } from '@/lib/orders';
import { text, trimmedText } from '@/lib/platform/form-data';
import { decimalToMinor } from '@/lib/platform/money';
import { currentCurrency } from '@/lib/tenancy';

const customerFields = (formData: FormData) => ({
  name: trimmedText(formData, 'name'),
  phone: trimmedText(formData, 'phone'),
  email: trimmedText(formData, 'email'),
  note: trimmedText(formData, 'note'),
  tags: trimmedText(formData, 'tags')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean),
});

export async function createCustomerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return staffAction('customer:write', customerInputSchema, customerFields(formData), async (ctx, data) => {
    const customer = await createCustomer(ctx, data);
    return (await getTranslations('admin.customers'))('wasAdded', { name: customer.name });
  });
}

export async function updateCustomerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const id = text(formData, 'id') ?? '';
  return staffAction('customer:write', customerPatchSchema, customerFields(formData), async (ctx, data) => {
    await updateCustomer(ctx, id, data);
    return (await getTranslations('admin.customers'))('saved');
  });
}

export async function eraseCustomerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const id = text(formData, 'id') ?? '';
  return staffAction('customer:privacy', eraseCustomerSchema, { confirm: trimmedText(formData, 'confirm') }, async (ctx) => {
    await eraseCustomer(ctx, id);
    return (await getTranslations('admin.customers'))('erased');
  });
}

export async function loyaltyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const currency = await currentCurrency();
  const money = (name: string) => decimalToMinor(trimmedText(formData, name) || '0', currency) ?? Number.NaN;
  const input = {
    earnPoints: Number(trimmedText(formData, 'earnPoints') || 0),
    earnPerAmount: money('earnPerAmount'),
    rewardPoints: Number(trimmedText(formData, 'rewardPoints') || 0),
    rewardValue: money('rewardValue'),
  };
  return staffAction('settings:write', loyaltySettingsSchema, input, async (ctx, data) => {
    await updateLoyaltySettings(ctx, data);
    return (await getTranslations('admin.customers'))('loyaltySaved');
  });
}
