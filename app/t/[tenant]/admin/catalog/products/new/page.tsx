import type { Metadata } from 'next';
import Link from 'next/link';
import { ProductForm } from '@/components/admin/catalog/product-form';
import { requireStaff } from '@/lib/auth';
import { newProductEditor } from '../editor-data';
import { saveProductAction } from '../actions';

export const metadata: Metadata = { title: 'New product' };

export default async function NewProductPage() {
  const ctx = await requireStaff('catalog:write');
  const { choices, initial, stockDefaults } = await newProductEditor(ctx);
  return (
    <div className="max-w-4xl space-y-6">
      <header>
        <Link href="/admin/catalog" className="text-sm font-semibold text-brand-700 underline">
          ← Products
        </Link>
        <h1 className="mt-2 text-2xl font-bold">New product</h1>
      </header>
      <ProductForm initial={initial} stockDefaults={stockDefaults} currency={ctx.tenant.currency} {...choices} canWrite saveProductAction={saveProductAction} />
    </div>
  );
}
