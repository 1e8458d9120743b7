import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { ModifierGroupDraft } from '@/components/admin/catalog/drafts';
import { choiceRule } from '@/components/admin/catalog/format';
import { ModifierGroupForm, ModifierGroupItem, NEW_GROUP, type ModifierGroupCard } from '@/components/admin/catalog/modifier-group-form';
import { requireStaff, can } from '@/lib/auth';
import { type ModifierGroup, modifierGroupService } from '@/lib/catalog';
import { formatMoney, minorToDecimal } from '@/lib/platform/money';
import { deleteModifierGroupAction, saveModifierGroupAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('modifierGroups') };
}

function card(group: ModifierGroup, currency: string): ModifierGroupCard {
  const draft: ModifierGroupDraft = {
    name: group.name,
    minSelect: String(group.minSelect),
    maxSelect: String(group.maxSelect),
    options: group.options.map((o) => ({ key: o.id, id: o.id, name: o.name, priceDelta: o.priceDelta === 0 ? '' : minorToDecimal(o.priceDelta, currency) })),
  };
  return {
    id: group.id,
    name: group.name,
    rule: choiceRule(group.minSelect, group.maxSelect),
    options: group.options.map((o) => ({
      id: o.id,
      name: o.name,
      delta: o.priceDelta === 0 ? '' : `${o.priceDelta > 0 ? '+' : '−'}${formatMoney(Math.abs(o.priceDelta), currency)}`,
    })),
    draft,
  };
}

export default async function ModifiersPage() {
  const ctx = await requireStaff('catalog:read');
  const canWrite = can(ctx.role, 'catalog:write');
  const groups = await modifierGroupService.list(ctx);

  return (
    <div className="max-w-4xl space-y-6">
      <header>
        <h1 className="text-2xl font-bold">Modifier groups</h1>
        <p className="text-slate-600">
          Choices asked at the register when a product is sold — a size, a kind of milk, extras — each option with its own price change.
          Attach groups to products in the product editor.
        </p>
      </header>

      {canWrite && (
        <section aria-labelledby="add-group" className="rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="add-group" className="mb-4 text-lg font-semibold">
            Add a modifier group
          </h2>
          <ModifierGroupForm initial={NEW_GROUP} currency={ctx.tenant.currency} saveModifierGroupAction={saveModifierGroupAction} />
        </section>
      )}

      <section aria-labelledby="group-list" className="rounded-xl border border-slate-200 bg-white">
        <h2 id="group-list" className="border-b border-slate-200 px-4 py-3 text-sm font-semibold text-slate-600">
          {groups.length === 0 ? 'Modifier groups' : `${groups.length} modifier ${groups.length === 1 ? 'group' : 'groups'}`}
        </h2>
        {groups.length === 0 ? (
          <p className="px-4 py-8 text-center text-slate-600">No modifier groups yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {groups.map((g) => (
              <ModifierGroupItem
                key={g.id}
                group={card(g, ctx.tenant.currency)}
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
