import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { availabilitySummary } from '@/components/admin/menus/availability';
import { DeleteMenuButton } from '@/components/admin/menus/delete-menu-button';
import { MenuEditor } from '@/components/admin/menus/menu-editor';
import { Alert } from '@/components/ui/alert';
import { requireStaff } from '@/lib/auth';
import { getProducts } from '@/lib/catalog';
import { AppError } from '@/lib/platform/errors';
import { idParam } from '@/lib/platform/validation';
import { getMenu, isMenuAvailable, type Menu } from '@/lib/restaurant';
import { deleteMenuAction, saveMenuAction, searchMenuProductsAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('editMenu') };
}

export default async function EditMenuPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireStaff('menu:write');
  const id = idParam.safeParse((await params).id);
  if (!id.success) notFound();
  let menu: Menu;
  try {
    menu = await getMenu(ctx, id.data);
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') notFound();
    throw err;
  }
  const created = (await searchParams).created === '1';
  const t = await getTranslations('admin.menus');
  const th = await getTranslations('menuHours');

  // Product names for the sections (a product missing from the catalog still shows, by id).
  const productIds = [...new Set(menu.sections.flatMap((s) => s.productIds))];
  const found = new Map((await getProducts(ctx, productIds)).map((p) => [p.id, p]));
  const names = new Map(
    productIds.map((pid) => {
      const product = found.get(pid);
      return [pid, product ? (product.status === 'archived' ? t('archived', { name: product.name }) : product.name) : t('unknownProduct')];
    }),
  );

  return (
    <div className="max-w-4xl space-y-6">
      <p>
        <Link href="/admin/menus" className="text-sm font-semibold text-brand-700 underline">
          {t('back')}
        </Link>
      </p>
      <header>
        <h1 className="text-2xl font-bold">{menu.name}</h1>
        <p className="text-slate-600">
          {t('summaryNow', { hours: availabilitySummary(menu.availability, th), now: isMenuAvailable(menu, new Date(), ctx.tenant.timeZone) ? 'yes' : 'no' })}
        </p>
      </header>
      {created && <Alert tone="success">{t('created')}</Alert>}
      <MenuEditor
        menu={{
          id: menu.id,
          name: menu.name,
          description: menu.description,
          isActive: menu.isActive,
          availability: menu.availability,
          sections: menu.sections.map((s) => ({ id: s.id, name: s.name, products: s.productIds.map((pid) => ({ id: pid, name: names.get(pid)! })) })),
          version: menu.updatedAt.toISOString(),
        }}
        saveMenuAction={saveMenuAction}
        searchMenuProductsAction={searchMenuProductsAction}
      />
      <DeleteMenuButton id={menu.id} name={menu.name} deleteMenuAction={deleteMenuAction} />
    </div>
  );
}
