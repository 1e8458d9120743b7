'use server';

import { getTranslations } from 'next-intl/server';
import { staffAction, type FormState } from '@/lib/auth';
import { currentCurrency } from '@/lib/tenancy';
import { modifierGroupInputSchema, modifierGroupService } from '@/lib/catalog';
import { arr, formSchema, idInputSchema, isUuid, jsonField, obj, priceOf, str, wholeNumber } from '../form-input';
import { text } from '@/lib/platform/form-data';

/** The modifier group form's draft (components/admin/catalog/drafts.ts) → ModifierGroupInput. */
const groupFormSchema = (currency: string, t: Awaited<ReturnType<typeof getTranslations<'admin.catalog.modifiers'>>>) =>
  formSchema(
    modifierGroupInputSchema,
    (raw, report) => {
      const d = obj(raw);
      return {
        name: str(d.name),
        minSelect: wholeNumber(d.minSelect, ['minSelect'], report, 0),
        maxSelect: wholeNumber(d.maxSelect, ['maxSelect'], report, 1),
        options: arr(d.options).map((item, i) => {
          const o = obj(item);
          return {
            ...(isUuid(o.id) && { id: o.id }),
            name: str(o.name),
            priceDelta: priceOf(o.priceDelta, currency, ['options', i, 'priceDelta'], report, true),
          };
        }),
      };
    },
    (path, message) => {
      const [field] = path;
      if (path.length === 1 && field === 'minSelect' && message.startsWith('Too')) return { path, message: t('minRange') };
      if (path.length === 1 && field === 'maxSelect' && message.startsWith('Too')) return { path, message: t('maxRange') };
      return { path, message };
    },
  );


export async function saveModifierGroupAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const id = text(formData, 'id');
  const t = await getTranslations('admin.catalog.modifiers');
  if (id !== undefined && !isUuid(id)) return { error: t('gone') };
  return staffAction('catalog:write', groupFormSchema(await currentCurrency(), t), jsonField(formData, 'payload'), async (ctx, data) => {
    const group = id ? await modifierGroupService.replace(ctx, id, data) : await modifierGroupService.create(ctx, data);
    return t(id ? 'savedAnswer' : 'addedAnswer', { name: group.name });
  });
}

export async function deleteModifierGroupAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return staffAction('catalog:write', idInputSchema, { id: text(formData, 'id') }, async (ctx, { id }) => {
    await modifierGroupService.remove(ctx, id);
    return (await getTranslations('admin.catalog.modifiers'))('deletedAnswer');
  });
}
