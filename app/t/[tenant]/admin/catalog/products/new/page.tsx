import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ProductForm } from '@/components/admin/catalog/product-form';
import { requireStaff } from '@/lib/auth';
import { newProductEditor } from '../editor-data';
import { saveProductAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('productEditor'))('newTitle') };
}

export default async function NewProductPage() {
  const ctx = await requireStaff('catalog:write');
  const [{ choices, initial, stockDefaults }, t] = await Promise.all([newProductEditor(ctx), getTranslations('productEditor')]);
  return (
    <div className="max-w-4xl space-y-6">
      <header>
        <Link href="/admin/catalog" className="text-sm font-semibold text-brand-700 underline">
          {t('backToList')}
        </Link>
        <h1 className="mt-2 text-2xl font-bold">{t('newTitle')}</h1>
      </header>
      <ProductForm initial={initial} stockDefaults={stockDefaults} currency={ctx.tenant.currency} {...choices} canWrite saveProductAction={saveProductAction} />
    </div>
  );
}
