import type { Metadata } from 'next';
import { CategoryAddForm, CategoryRow } from '@/components/admin/catalog/category-forms';
import { requireStaff, can } from '@/lib/auth';
import { categoryService, listProducts } from '@/lib/catalog';
import { addCategoryAction, deleteCategoryAction, updateCategoryAction } from './actions';

export const metadata: Metadata = { title: 'Categories' };

export default async function CategoriesPage() {
  const ctx = await requireStaff('catalog:read');
  const canWrite = can(ctx.role, 'catalog:write');
  const categories = await categoryService.list(ctx);
  // How many products each holds (the delete step says what it affects).
  const counts = await Promise.all(
    categories.map(async (c) => (await listProducts(ctx, { categoryId: c.id, status: 'all', skip: 0, limit: 1 })).total),
  );
  const nextPosition = categories.length ? Math.min(10_000, Math.max(...categories.map((c) => c.position)) + 1) : 0;

  return (
    <div className="max-w-4xl space-y-6">
      <header>
        <h1 className="text-2xl font-bold">Categories</h1>
        <p className="text-slate-600">Group products for the register and for reports. The register lists them by position, lowest first.</p>
      </header>

      {canWrite && <CategoryAddForm nextPosition={nextPosition} addCategoryAction={addCategoryAction} />}

      <section aria-labelledby="category-list" className="rounded-xl border border-slate-200 bg-white">
        <h2 id="category-list" className="border-b border-slate-200 px-4 py-3 text-sm font-semibold text-slate-600">
          {categories.length === 0 ? 'Categories' : `${categories.length} ${categories.length === 1 ? 'category' : 'categories'}`}
        </h2>
        {categories.length === 0 ? (
          <p className="px-4 py-8 text-center text-slate-600">
            No categories yet. {canWrite ? 'Add one above — for example “Drinks” or “Hardware”.' : ''}
          </p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {categories.map((c, i) => (
              <CategoryRow
                key={c.id}
                category={{ ...c, productCount: counts[i] ?? 0 }}
                canWrite={canWrite}
                updateCategoryAction={updateCategoryAction}
                deleteCategoryAction={deleteCategoryAction}
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
