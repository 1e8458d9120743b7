'use server';

import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { staffAction, type FormState } from '@/lib/auth';
import { currentCurrency } from '@/lib/tenancy';
import {
  archiveProduct,
  createProduct,
  patchProduct,
  replaceProduct,
  attributeKeySchema,
  productInputSchema,
  productPatchSchema,
  type ProductInput,
} from '@/lib/catalog';
import { AppError } from '@/lib/platform/errors';
import { splitList } from '@/components/admin/catalog/drafts';
import { arr, formSchema, isUuid, jsonField, obj, priceOf, str } from '../form-input';
import { text } from '@/lib/platform/form-data';

type Words = Awaited<ReturnType<typeof getTranslations<'productEditorActions'>>>;

/** The product form's draft (see components/admin/catalog/drafts.ts) → ProductInput. */
function productFormSchema(currency: string, t: Words) {
  const attributeRow = new Map<string, number>();
  let barcodesOf: string[][] = [];
  return formSchema(
    productInputSchema,
    (raw, report) => {
      const d = obj(raw);
      const attributes: Record<string, unknown> = {};
      arr(d.attributes).forEach((item, i) => {
        const row = obj(item);
        const name = str(row.name).trim();
        const value = str(row.value).trim();
        if (!name && !value) return; // an empty row is ignored
        const key = attributeKeySchema.safeParse(name);
        if (!name) return report(['attributes', i, 'name'], t('enterName'));
        if (!key.success) return report(['attributes', i, 'name'], key.error.issues[0]?.message ?? 'Not a valid name');
        if (attributeRow.has(name)) return report(['attributes', i, 'name'], t('nameTwice'));
        attributeRow.set(name, i);
        switch (str(row.type)) {
          case 'number': {
            const n = Number(value.replaceAll(',', ''));
            if (value === '' || !Number.isFinite(n)) return report(['attributes', i, 'value'], t('enterNumber'));
            attributes[name] = n;
            return;
          }
          case 'boolean':
            attributes[name] = value === 'true';
            return;
          case 'list':
            attributes[name] = splitList(value);
            return;
          default:
            attributes[name] = value;
        }
      });
      const variants = arr(d.variants).map((item, i) => {
        const v = obj(item);
        return {
          ...(isUuid(v.id) && { id: v.id }),
          name: str(v.name).trim() || undefined, // empty: the schema's default name
          sku: str(v.sku),
          barcodes: splitList(str(v.barcodes), /[\s,]+/),
          price: priceOf(v.price, currency, ['variants', i, 'price'], report),
          // Empty: not known. The form always sends it, so clearing the field clears the cost.
          cost: str(v.cost).trim() === '' ? null : priceOf(v.cost, currency, ['variants', i, 'cost'], report),
        };
      });
      barcodesOf = variants.map((v) => v.barcodes);
      return {
        name: str(d.name),
        altName: str(d.altName).trim() || null,
        description: str(d.description).trim() || null,
        categoryId: str(d.categoryId) || null,
        taxClassId: str(d.taxClassId) || null,
        photoUrl: str(d.photoUrl).trim() || null,
        status: str(d.status) || 'active',
        trackStock: d.trackStock === true,
        allowNegativeStock: d.allowNegativeStock === true,
        openPrice: d.openPrice === true,
        modifierGroupIds: arr(d.modifierGroupIds).filter((x) => typeof x === 'string'),
        attributes,
        variants,
      };
    },
    (path, message) => {
      const [field, index, sub, item] = path;
      // Attribute issues are keyed by name in the schema; the form shows them on its row.
      if (field === 'attributes' && typeof index === 'string') {
        const row = attributeRow.get(index);
        return row === undefined ? { path: ['attributes'], message } : { path: ['attributes', row, 'value'], message };
      }
      if (field === 'variants' && typeof index === 'number' && sub === 'barcodes') {
        const code = typeof item === 'number' ? barcodesOf[index]?.[item] : undefined;
        return { path: ['variants', index, 'barcodes'], message: code ? `${code}: ${message}` : message };
      }
      if (field === 'variants' && sub === 'price') return { path, message: t('enterPrice') };
      return { path, message };
    },
  );
}

/** A SKU/barcode clash names values; put each on the variant row that has it. */
function onVariantRows(err: unknown, input: ProductInput): unknown {
  if (!(err instanceof AppError) || err.code !== 'conflict' || !Array.isArray(err.details)) return err;
  const details = (err.details as { path?: string; value?: string; message?: string }[]).map((d) => {
    const i = input.variants.findIndex((v) => (d.path === 'sku' ? v.sku === d.value : v.barcodes.includes(d.value ?? '')));
    return i < 0 ? d : { ...d, path: `variants.${i}.${d.path === 'sku' ? 'sku' : 'barcodes'}` };
  });
  return new AppError(err.code, err.message, details);
}

/** Create (no `id`) or replace (with `id`) a product from the editor's JSON `payload`. */
export async function saveProductAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations('productEditorActions');
  const id = text(formData, 'id');
  if (id !== undefined && !isUuid(id)) return { error: t('noSuchProduct') };
  const currency = await currentCurrency();
  let created: string | undefined;
  const state = await staffAction('catalog:write', productFormSchema(currency, t), jsonField(formData, 'payload'), async (ctx, data) => {
    try {
      if (id) {
        await replaceProduct(ctx, id, data);
        return t('saved');
      }
      const product = await createProduct(ctx, data);
      created = product.id;
      return t('added', { name: product.name });
    } catch (err) {
      throw onVariantRows(err, data);
    }
  });
  if (created) redirect(`/admin/catalog?added=${created}`);
  return state;
}

/** Archive (hidden from the register, kept for history) or restore a product. */
export async function setProductStatusAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations('productEditorActions');
  const id = text(formData, 'id');
  if (!isUuid(id)) return { error: t('noSuchProduct') };
  return staffAction('catalog:write', productPatchSchema, { status: text(formData, 'status') }, async (ctx, data) => {
    if (data.status === 'archived') {
      await archiveProduct(ctx, id);
      return t('archived');
    }
    await patchProduct(ctx, id, { status: 'active' });
    return t('restored');
  });
}
