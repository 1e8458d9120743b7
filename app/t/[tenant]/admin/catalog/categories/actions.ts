'use server';

import { getTranslations } from 'next-intl/server';
import { staffAction, type FormState } from '@/lib/auth';
import { categoryInputSchema, categoryService } from '@/lib/catalog';
import { settingsPatchSchema, updateTenantSettings } from '@/lib/tenancy';
import { formSchema, idInputSchema, isUuid, obj, str, wholeNumber } from '../form-input';
import { text } from '@/lib/platform/form-data';

const categoryFormSchema = () =>
  formSchema(categoryInputSchema, (raw, report) => {
    const d = obj(raw);
    return { name: str(d.name), position: wholeNumber(d.position, ['position'], report, 0), color: str(d.color) || null, tracksStock: tracksStockField(d.tracksStock) };
  });

/** The select's "yes" / "no" / "store" (the store's default); anything else is left for the schema to refuse. */
function tracksStockField(value: unknown): boolean | null | string {
  if (value === 'yes') return true;
  if (value === 'no') return false;
  if (value === 'store' || value === undefined) return null;
  return str(value);
}

const words = () => getTranslations('admin.catalog.categories');

export async function addCategoryAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return staffAction('catalog:write', categoryFormSchema(), Object.fromEntries(formData), async (ctx, data) => {
    const category = await categoryService.create(ctx, data);
    return (await words())('added', { name: category.name });
  });
}

export async function updateCategoryAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const id = text(formData, 'id');
  if (!isUuid(id)) return { error: (await words())('gone') };
  return staffAction('catalog:write', categoryFormSchema(), Object.fromEntries(formData), async (ctx, data) => {
    const category = await categoryService.replace(ctx, id, data);
    return (await words())('saved', { name: category.name });
  });
}

export async function deleteCategoryAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return staffAction('catalog:write', idInputSchema, { id: text(formData, 'id') }, async (ctx, { id }) => {
    await categoryService.remove(ctx, id);
    return (await words())('deleted');
  });
}

/** Owners only (settings:write): whether new items track stock when their category does not say. */
export async function setTrackStockByDefaultAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const value = text(formData, 'trackStockByDefault');
  const input = { trackStockByDefault: value === 'true' ? true : value === 'false' ? false : undefined };
  return staffAction('settings:write', settingsPatchSchema, input, async (ctx, data) => {
    const settings = await updateTenantSettings(ctx, data);
    return (await words())(settings.trackStockByDefault ? 'defaultOn' : 'defaultOff');
  });
}
