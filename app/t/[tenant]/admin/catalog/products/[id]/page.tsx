import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { attributeDrafts, type ProductDraft } from '@/components/admin/catalog/drafts';
import { ProductForm } from '@/components/admin/catalog/product-form';
import { ProductStatusForm } from '@/components/admin/catalog/product-status-form';
import { requireStaff, can } from '@/lib/auth';
import { type Product, getProduct } from '@/lib/catalog';
import { AppError } from '@/lib/platform/errors';
import { minorToDecimal } from '@/lib/platform/money';
import { isUuid } from '../../form-input';
import { editorChoices } from '../editor-data';
import { saveProductAction, setProductStatusAction } from '../actions';
import { formatDateTime } from '@/lib/platform/format-time';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('productEditor'))('editTitle') };
}

function draftOf(product: Product, currency: string): ProductDraft {
  return {
    name: product.name,
    description: product.description ?? '',
    categoryId: product.categoryId ?? '',
    taxClassId: product.taxClassId ?? '',
    altName: product.altName ?? '',
    photoUrl: product.photoUrl ?? '',
    status: product.status,
    trackStock: product.trackStock,
    allowNegativeStock: product.allowNegativeStock,
    openPrice: product.openPrice,
    modifierGroupIds: product.modifierGroupIds,
    attributes: attributeDrafts(product.attributes),
    variants: product.variants.map((v) => ({
      key: v.id,
      id: v.id,
      name: v.name,
      sku: v.sku,
      barcodes: v.barcodes.join(', '),
      price: minorToDecimal(v.price, currency),
      cost: v.cost === null ? '' : minorToDecimal(v.cost, currency),
    })),
  };
}

export default async function EditProductPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireStaff('catalog:read');
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const [product, choices] = await Promise.all([
    getProduct(ctx, id).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'not_found') return null;
      throw err;
    }),
    editorChoices(ctx),
  ]);
  if (!product) notFound();
  const canWrite = can(ctx.role, 'catalog:write');
  const t = await getTranslations('productEditor');

  return (
    <div className="max-w-4xl space-y-6">
      <header>
        <Link href="/admin/catalog" className="text-sm font-semibold text-brand-700 underline">
          {t('backToList')}
        </Link>
        <h1 className="mt-2 flex flex-wrap items-center gap-3 text-2xl font-bold">
          {product.name}
          {product.status === 'archived' && (
            <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-700">{t('archivedBadge')}</span>
          )}
        </h1>
        <p className="text-sm text-slate-500">
          {t('lastChanged', { when: formatDateTime(product.updatedAt, ctx.tenant.timeZone) })}
        </p>
      </header>
      <ProductForm
        productId={product.id}
        initial={draftOf(product, ctx.tenant.currency)}
        version={product.updatedAt.toISOString()}
        currency={ctx.tenant.currency}
        {...choices}
        canWrite={canWrite}
        saveProductAction={saveProductAction}
      />
      {canWrite && <ProductStatusForm productId={product.id} status={product.status} setProductStatusAction={setProductStatusAction} />}
    </div>
  );
}
