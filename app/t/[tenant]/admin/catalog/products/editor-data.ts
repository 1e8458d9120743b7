import { getTranslations } from 'next-intl/server';
import { choiceRule, formatRate, type ModifierWordsT } from '@/components/admin/catalog/format';
import { NEW_PRODUCT, type ModifierGroupChoice, type NamedItem, type ProductDraft, type StockDefaults } from '@/components/admin/catalog/drafts';
import { categoryService, modifierGroupService, newProductDefaults, taxClassService, type Category, type ModifierGroup, type TaxClass } from '@/lib/catalog';
import type { TenantScope } from '@/lib/auth';
import { getTenantSettings } from '@/lib/tenancy';

type Choices = {
  categories: NamedItem[];
  taxClasses: (NamedItem & { rate: string })[];
  modifierGroups: ModifierGroupChoice[];
};

const load = (ctx: TenantScope) => Promise.all([categoryService.list(ctx), taxClassService.list(ctx), modifierGroupService.list(ctx)]);

function choicesOf([categories, taxes, groups]: [Category[], TaxClass[], ModifierGroup[]], t: ModifierWordsT): Choices {
  return {
    categories: categories.map(({ id, name }) => ({ id, name })),
    taxClasses: taxes.map(({ id, name, rateBasisPoints }) => ({ id, name, rate: formatRate(rateBasisPoints) })),
    modifierGroups: groups.map((g) => ({
      id: g.id,
      name: g.name,
      summary: t('summary', { rule: choiceRule(g.minSelect, g.maxSelect, t), options: g.options.map((o) => o.name).join(t('optionSeparator')) }),
    })),
  };
}

/** What the product editor's selects and checkboxes offer. */
export async function editorChoices(ctx: TenantScope): Promise<Choices> {
  const [loaded, t] = await Promise.all([load(ctx), getTranslations('admin.catalog.modifiers')]);
  return choicesOf(loaded, t);
}

/**
 * The editor of a new product: the choices, and what it starts with so that it is sellable once
 * saved — the store's default tax class (or its only one), and track stock as the category (or
 * the store) says, following the category as it is picked.
 */
export async function newProductEditor(ctx: TenantScope): Promise<{ choices: Choices; initial: ProductDraft; stockDefaults: StockDefaults }> {
  const [loaded, settings, t] = await Promise.all([load(ctx), getTenantSettings(ctx), getTranslations('admin.catalog.modifiers')]);
  const defaults = newProductDefaults({ categories: loaded[0], taxClasses: loaded[1] }, settings);
  return {
    choices: choicesOf(loaded, t),
    initial: { ...NEW_PRODUCT, taxClassId: defaults.taxClassId ?? '', trackStock: defaults.trackStock },
    stockDefaults: { withoutCategory: defaults.trackStock, byCategory: defaults.trackStockByCategory },
  };
}
