import type { Metadata } from 'next';
import Link from 'next/link';
import { NEW_PRODUCT } from '@/components/admin/catalog/drafts';
import { ProductForm } from '@/components/admin/catalog/product-form';
import { requireStaff } from '@/lib/auth';
import { editorChoices } from '../editor-data';
import { saveProductAction } from '../actions';

export const metadata: Metadata = { title: 'New product' };

export default async function NewProductPage() {
  const ctx = await requireStaff('catalog:write');
  const choices = await editorChoices(ctx);
  return (
    <div className="max-w-4xl space-y-6">
      <header>
        <Link href="/admin/catalog" className="text-sm font-semibold text-brand-700 underline">
          ← Products
        </Link>
        <h1 className="mt-2 text-2xl font-bold">New product</h1>
      </header>
      <ProductForm initial={NEW_PRODUCT} currency={ctx.tenant.currency} {...choices} canWrite saveProductAction={saveProductAction} />
    </div>
  );
}
