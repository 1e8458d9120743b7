import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { ModifierGroupDraft } from '@/components/admin/catalog/drafts';
import { choiceRule, type ModifierWordsT } from '@/components/admin/catalog/format';
import { pageFormats } from '@/components/admin/page-formats';
import { ModifierGroupForm, ModifierGroupItem, NEW_GROUP, type ModifierGroupCard } from '@/components/admin/catalog/modifier-group-form';
import { requireStaff, can } from '@/lib/auth';
import { type ModifierGroup, modifierGroupService } from '@/lib/catalog';
import type { Formats } from '@/lib/platform/formats';
import { minorToDecimal } from '@/lib/platform/money';
import { deleteModifierGroupAction, saveModifierGroupAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('modifierGroups') };
}

function card(group: ModifierGroup, currency: string, t: ModifierWordsT, f: Formats): ModifierGroupCard {
  const draft: ModifierGroupDraft = {
    name: group.name,
    minSelect: String(group.minSelect),
    maxSelect: String(group.maxSelect),
    options: group.options.map((o) => ({ key: o.id, id: o.id, name: o.name, priceDelta: o.priceDelta === 0 ? '' : minorToDecimal(o.priceDelta, currency) })),
  };
  return {
    id: group.id,
    name: group.name,
    rule: choiceRule(group.minSelect, group.maxSelect, t),
    options: group.options.map((o) => ({
      id: o.id,
      name: o.name,
      delta: f.moneyDelta(o.priceDelta, currency),
    })),
    draft,
  };
}

export default async function ModifiersPage() {
  const ctx = await requireStaff('catalog:read');
  const canWrite = can(ctx.role, 'catalog:write');
  const [groups, t, f] = await Promise.all([modifierGroupService.list(ctx), getTranslations('admin.catalog.modifiers'), pageFormats()]);

  return (
    <div className="max-w-4xl space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="text-slate-600">{t('intro')}</p>
      </header>

      {canWrite && (
        <section aria-labelledby="add-group" className="rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="add-group" className="mb-4 text-lg font-semibold">
            {t('addTitle')}
          </h2>
          <ModifierGroupForm initial={NEW_GROUP} currency={ctx.tenant.currency} saveModifierGroupAction={saveModifierGroupAction} />
        </section>
      )}

      <section aria-labelledby="group-list" className="rounded-xl border border-slate-200 bg-white">
        <h2 id="group-list" className="border-b border-slate-200 px-4 py-3 text-sm font-semibold text-slate-600">
          {groups.length === 0 ? t('title') : t('count', { count: groups.length })}
        </h2>
        {groups.length === 0 ? (
          <p className="px-4 py-8 text-center text-slate-600">{t('none')}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {groups.map((g) => (
              <ModifierGroupItem
                key={g.id}
                group={card(g, ctx.tenant.currency, t, f)}
                currency={ctx.tenant.currency}
                canWrite={canWrite}
                saveModifierGroupAction={saveModifierGroupAction}
                deleteModifierGroupAction={deleteModifierGroupAction}
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
