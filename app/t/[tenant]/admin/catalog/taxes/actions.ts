'use server';

import { staffAction, type FormState } from '@/lib/auth';
import { taxClassInputSchema, taxClassService } from '@/lib/catalog';
import { settingsPatchSchema, updateTenantSettings } from '@/lib/tenancy';
import { basisPoints, formSchema, idInputSchema, isUuid, obj, str } from '../form-input';
import { text } from '@/lib/platform/form-data';

/** The form names the field `rate` (a percentage); the schema's `rateBasisPoints` errors go there too. */
const taxFormSchema = () =>
  formSchema(
    taxClassInputSchema,
    (raw, report) => {
      const d = obj(raw);
      return { name: str(d.name), rateBasisPoints: basisPoints(d.rate, ['rate'], report, 'Enter the rate') };
    },
    (path, message) => (path[0] === 'rateBasisPoints' ? { path: ['rate'], message } : { path, message }),
  );

export async function addTaxClassAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return staffAction('catalog:write', taxFormSchema(), Object.fromEntries(formData), async (ctx, data) => {
    const tax = await taxClassService.create(ctx, data);
    return `“${tax.name}” was added.`;
  });
}

export async function updateTaxClassAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const id = text(formData, 'id');
  if (!isUuid(id)) return { error: 'This tax class no longer exists.' };
  return staffAction('catalog:write', taxFormSchema(), Object.fromEntries(formData), async (ctx, data) => {
    const tax = await taxClassService.replace(ctx, id, data);
    return `“${tax.name}” was saved.`;
  });
}

export async function deleteTaxClassAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return staffAction('catalog:write', idInputSchema, { id: text(formData, 'id') }, async (ctx, { id }) => {
    await taxClassService.remove(ctx, id);
    return 'Tax class deleted.';
  });
}

/** Owners only (settings:write): whether shelf prices already contain tax. */
export async function setPricesIncludeTaxAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const value = text(formData, 'pricesIncludeTax');
  const input = { pricesIncludeTax: value === 'true' ? true : value === 'false' ? false : undefined };
  return staffAction('settings:write', settingsPatchSchema, input, async (ctx, data) => {
    const settings = await updateTenantSettings(ctx, data);
    return settings.pricesIncludeTax ? 'Prices now include tax.' : 'Tax is now added on top of prices.';
  });
}

/**
 * Owners only (settings:write): the tax class new products start with; empty is "automatic"
 * (the only class when there is one). The class must be this store's.
 */
export async function setDefaultTaxClassAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const id = text(formData, 'defaultTaxClassId') ?? '';
  return staffAction('settings:write', settingsPatchSchema, { defaultTaxClassId: id || null }, async (ctx, data) => {
    const tax = data.defaultTaxClassId ? await taxClassService.get(ctx, data.defaultTaxClassId) : null;
    await updateTenantSettings(ctx, data);
    return tax ? `New products now get “${tax.name}”.` : 'New products now get the only tax class, if there is just one.';
  });
}
