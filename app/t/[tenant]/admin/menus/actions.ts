'use server';

import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { MenuProductOption } from '@/components/admin/menus/menu-editor';
import { currentDisplayPreferences, staffAction, staffRead, type FormState } from '@/lib/auth';
import { listProducts } from '@/lib/catalog';
import { formatsFor } from '@/lib/platform/formats';
import { createMenu, deleteMenu, menuInputSchema, replaceMenu } from '@/lib/restaurant';
import { text } from '@/lib/platform/form-data';

/**
 * The editor posts the whole menu as JSON in one field ("menu"): windows and sections are
 * nested lists, which flat form fields describe badly. The module's schema checks it all.
 */
export async function saveMenuAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const id = text(formData, 'id');
  const t = await getTranslations('admin.menus');
  let input: unknown;
  try {
    input = JSON.parse(text(formData, 'menu') ?? '');
  } catch {
    return { error: t('unreadable') };
  }
  const validId = id === undefined || z.uuid().safeParse(id).success;
  if (!validId) return { error: t('notFound') };
  let createdId: string | undefined;
  const state = await staffAction('menu:write', menuInputSchema, input, async (ctx, data) => {
    if (id) {
      const menu = await replaceMenu(ctx, id, data);
      return t('savedAnswer', { name: menu.name });
    }
    const menu = await createMenu(ctx, data);
    createdId = menu.id;
    return t('createdAnswer', { name: menu.name });
  });
  if (createdId) redirect(`/admin/menus/${createdId}?created=1`);
  return state;
}

export async function deleteMenuAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await staffAction('menu:write', z.object({ id: z.uuid() }), { id: text(formData, 'id') }, async (ctx, data) => {
    await deleteMenu(ctx, data.id);
    return (await getTranslations('admin.menus'))('deleted');
  });
  if (state?.ok) redirect('/admin/menus?deleted=1');
  return state;
}

/** Catalog products (active, by name or SKU) for a menu section's picker. Reads only. */
export async function searchMenuProductsAction(query: string): Promise<{ items: MenuProductOption[]; error?: string }> {
  return staffRead('menu:write', { items: [] as MenuProductOption[] }, async (ctx) => {
    const q = String(query ?? '').trim().slice(0, 100);
    if (!q) return { items: [] };
    const [t, { locale, currencyDisplay }] = await Promise.all([getTranslations('admin.menus'), currentDisplayPreferences()]);
    const f = formatsFor(locale, currencyDisplay);
    const page = await listProducts(ctx, { search: q, status: 'active', skip: 0, limit: 10 });
    return {
      items: page.data.map((p) => {
        const prices = p.variants.map((v) => v.price);
        const min = Math.min(...prices);
        const price = f.money(min, ctx.tenant.currency);
        return { id: p.id, name: p.name, detail: p.variants.length > 1 ? t('variantsFrom', { count: p.variants.length, price }) : price };
      }),
    };
  });
}
