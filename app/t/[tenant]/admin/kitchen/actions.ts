'use server';

import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import type { RoutableProduct } from '@/components/kitchen/admin/product-routes';
import { staffAction, staffRead, type FormState } from '@/lib/auth';
import { listProducts } from '@/lib/catalog';
import { text } from '@/lib/platform/form-data';
import {
  categoryRoutesSchema,
  createStation,
  deleteStation,
  productRouteSchema,
  setCategoryRoutes,
  setProductRoute,
  stationInputSchema,
  stationPatchSchema,
  updateStation,
} from '@/lib/restaurant';

const stationId = z.object({ id: z.uuid({ message: 'Station not found' }) });

export async function addStationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return staffAction('kitchen:write', stationInputSchema, { name: text(formData, 'name') }, async (ctx, data) => {
    const station = await createStation(ctx, data);
    return (await getTranslations('admin.kitchen'))('added', { name: station.name });
  });
}

/** Rename (the `name` field) or make the default (a submit button named `isDefault`). */
export async function updateStationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const patch = formData.has('isDefault') ? { isDefault: true } : { name: text(formData, 'name') };
  return staffAction('kitchen:write', stationPatchSchema.extend(stationId.shape), { ...patch, id: text(formData, 'id') }, async (ctx, { id, ...data }) => {
    const station = await updateStation(ctx, id, data);
    return (await getTranslations('admin.kitchen'))(data.isDefault ? 'nowDefault' : 'saved', { name: station.name });
  });
}

export async function deleteStationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return staffAction('kitchen:write', stationId, { id: text(formData, 'id') }, async (ctx, { id }) => {
    await deleteStation(ctx, id);
    return (await getTranslations('admin.kitchen'))('removed');
  });
}

/** The categories form: one `category:<id>` select per category. */
export async function saveCategoryRoutesAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const routes = [...formData.entries()].flatMap(([key, value]) =>
    key.startsWith('category:') && typeof value === 'string' ? [{ categoryId: key.slice('category:'.length), station: value }] : [],
  );
  return staffAction('kitchen:write', categoryRoutesSchema, { routes }, async (ctx, data) => {
    const changed = await setCategoryRoutes(ctx, data);
    const t = await getTranslations('admin.kitchen');
    return changed === 0 ? t('nothingChanged') : t('savedCategories', { count: changed });
  });
}

/** One product's exception: a station, `none`, or `inherit` (the exception removed; also the Remove button). */
export async function saveProductRouteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = { productId: text(formData, 'productId'), station: formData.has('remove') ? 'inherit' : text(formData, 'station') };
  return staffAction('kitchen:write', productRouteSchema, input, async (ctx, data) => {
    const { name } = await setProductRoute(ctx, data);
    return (await getTranslations('admin.kitchen'))(data.station === 'inherit' ? 'followsCategory' : 'savedWhere', { name });
  });
}

/** Active products by name or SKU, for the exception picker. Reads only. */
export async function searchRoutableProductsAction(query: string): Promise<{ items: RoutableProduct[]; error?: string }> {
  return staffRead('kitchen:write', { items: [] as RoutableProduct[] }, async (ctx) => {
    const q = String(query ?? '').trim().slice(0, 100);
    if (!q) return { items: [] };
    const page = await listProducts(ctx, { search: q, status: 'active', skip: 0, limit: 10 });
    return { items: page.data.map((p) => ({ id: p.id, name: p.name, categoryId: p.categoryId })) };
  });
}
