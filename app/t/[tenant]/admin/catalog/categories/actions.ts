'use server';

import { staffAction, type FormState } from '@/lib/auth';
import { categoryInputSchema, categoryService } from '@/lib/catalog';
import { formSchema, idInputSchema, isUuid, obj, str, wholeNumber } from '../form-input';
import { text } from '@/lib/platform/form-data';

const categoryFormSchema = () =>
  formSchema(categoryInputSchema, (raw, report) => {
    const d = obj(raw);
    return { name: str(d.name), position: wholeNumber(d.position, ['position'], report, 0), color: str(d.color) || null };
  });

export async function addCategoryAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return staffAction('catalog:write', categoryFormSchema(), Object.fromEntries(formData), async (ctx, data) => {
    const category = await categoryService.create(ctx, data);
    return `“${category.name}” was added.`;
  });
}

export async function updateCategoryAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const id = text(formData, 'id');
  if (!isUuid(id)) return { error: 'This category no longer exists.' };
  return staffAction('catalog:write', categoryFormSchema(), Object.fromEntries(formData), async (ctx, data) => {
    const category = await categoryService.replace(ctx, id, data);
    return `“${category.name}” was saved.`;
  });
}

export async function deleteCategoryAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return staffAction('catalog:write', idInputSchema, { id: text(formData, 'id') }, async (ctx, { id }) => {
    await categoryService.remove(ctx, id);
    return 'Category deleted.';
  });
}
