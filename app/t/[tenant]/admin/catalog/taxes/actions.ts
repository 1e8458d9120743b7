'use server';

import { issueWords } from '@/lib/platform/issue-words';
import { getTranslations } from 'next-intl/server';
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
      return { name: str(d.name), rateBasisPoints: basisPoints(d.rate, ['rate'], report, 'Enter the rate', issueWords('rate').words) };
    },
    (path, message) => (path[0] === 'rateBasisPoints' ? { path: ['rate'], message } : { path, message }),
  );

export async function addTaxClassAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return staffAction('catalog:write', taxFormSchema(), Object.fromEntries(formData), async (ctx, data) => {
    const tax = await taxClassService.create(ctx, data);
    return (await getTranslations('admin.catalog.taxes'))('added', { name: tax.name });
  });
}

export async function updateTaxClassAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const id = text(formData, 'id');
  if (!isUuid(id)) return { error: (await getTranslations('admin.catalog.taxes'))('gone') };
  return staffAction('catalog:write', taxFormSchema(), Object.fromEntries(formData), async (ctx, data) => {
    const tax = await taxClassService.replace(ctx, id, data);
    return (await getTranslations('admin.catalog.taxes'))('saved', { name: tax.name });
  });
}

export async function deleteTaxClassAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return staffAction('catalog:write', idInputSchema, { id: text(formData, 'id') }, async (ctx, { id }) => {
    await taxClassService.remove(ctx, id);
    return (await getTranslations('admin.catalog.taxes'))('deleted');
  });
}

/** Owners only (settings:write): whether shelf prices already contain tax. */
export async function setPricesIncludeTaxAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const value = text(formData, 'pricesIncludeTax');
  const input = { pricesIncludeTax: value === 'true' ? true : value === 'false' ? false : undefined };
  return staffAction('settings:write', settingsPatchSchema, input, async (ctx, data) => {
    const settings = await updateTenantSettings(ctx, data);
    return (await getTranslations('admin.catalog.taxes'))(settings.pricesIncludeTax ? 'nowInclude' : 'nowOnTop');
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
    const t = await getTranslations('admin.catalog.taxes');
    return tax ? t('newNowGet', { name: tax.name }) : t('newNowOnly');
  });
}
