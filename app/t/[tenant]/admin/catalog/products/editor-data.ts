import { choiceRule, formatRate } from '@/components/admin/catalog/format';
import type { ModifierGroupChoice, NamedItem } from '@/components/admin/catalog/drafts';
import { categoryService, modifierGroupService, taxClassService } from '@/lib/catalog';
import type { TenantScope } from '@/lib/auth';

/** What the product editor's selects and checkboxes offer. */
export async function editorChoices(ctx: TenantScope): Promise<{
  categories: NamedItem[];
  taxClasses: (NamedItem & { rate: string })[];
  modifierGroups: ModifierGroupChoice[];
}> {
  const [categories, taxes, groups] = await Promise.all([
    categoryService.list(ctx),
    taxClassService.list(ctx),
    modifierGroupService.list(ctx),
  ]);
  return {
    categories: categories.map(({ id, name }) => ({ id, name })),
    taxClasses: taxes.map(({ id, name, rateBasisPoints }) => ({ id, name, rate: formatRate(rateBasisPoints) })),
    modifierGroups: groups.map((g) => ({
      id: g.id,
      name: g.name,
      summary: `${choiceRule(g.minSelect, g.maxSelect)} · ${g.options.map((o) => o.name).join(', ')}`,
    })),
  };
}
