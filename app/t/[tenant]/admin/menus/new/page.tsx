import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { MenuEditor } from '@/components/admin/menus/menu-editor';
import { requireStaff } from '@/lib/auth';
import { saveMenuAction, searchMenuProductsAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('newMenu') };
}

export default async function NewMenuPage() {
  await requireStaff('menu:write');
  const t = await getTranslations('admin.menus');
  return (
    <div className="max-w-4xl space-y-6">
      <p>
        <Link href="/admin/menus" className="text-sm font-semibold text-brand-700 underline">
          {t('back')}
        </Link>
      </p>
      <header>
        <h1 className="text-2xl font-bold">{t('newMenu')}</h1>
        <p className="text-slate-600">{t('newIntro')}</p>
      </header>
      <MenuEditor menu={null} saveMenuAction={saveMenuAction} searchMenuProductsAction={searchMenuProductsAction} />
    </div>
  );
}
