import { asc, eq, sql, type SQL } from 'drizzle-orm';
import { categories, modifierGroups, products, savedDiscounts, taxClasses } from '@/db/schema/catalog';
import { withTenant, type Tx } from '@/lib/platform/db';
import { duplicateName } from '@/lib/platform/errors';
import type { Category, ModifierGroup, ReferenceStore, ReferenceStores, SavedDiscount, TaxClass } from '../repository';
import type { CategoryInput, ModifierGroupInput, SavedDiscountInput, TaxClassInput } from '../schemas';
import { withModifierOptionIds } from '../shared';
import { auditIn } from './audit';

/** The columns a tax class and a modifier group are read with (the stores, and getPricing in products.ts). */
export const taxClassColumns = { id: taxClasses.id, name: taxClasses.name, rateBasisPoints: taxClasses.rateBasisPoints };
export const modifierGroupColumns = {
  id: modifierGroups.id,
  name: modifierGroups.name,
  minSelect: modifierGroups.minSelect,
  maxSelect: modifierGroups.maxSelect,
  options: modifierGroups.options,
};

function referenceStore<T extends { id: string }, Input>(
  table: typeof categories | typeof taxClasses | typeof modifierGroups | typeof savedDiscounts,
  columns: Record<string, unknown>,
  orderBy: SQL[],
  unlink: (tx: Tx, id: string) => Promise<void>,
  what: string,
): ReferenceStore<T, Input> {
  const t = table as typeof categories;
  const select = (tx: Tx) => tx.select(columns as never).from(t);
  const duplicate = duplicateName(what);
  const write = (tx: Tx, id: string, input: Input) =>
    tx.update(t).set({ ...(input as object), updatedAt: new Date() } as never).where(eq(t.id, id)).returning(columns as never) as unknown as Promise<T[]>;
  return {
    list: (tenantId, outer) => {
      const read = (tx: Tx) => select(tx).orderBy(...orderBy) as unknown as Promise<T[]>;
      return outer ? read(outer) : withTenant(tenantId, read);
    },
    page: (tenantId, { skip, limit }) =>
      withTenant(tenantId, async (tx) => {
        const [{ total }] = (await tx.select({ total: sql<number>`count(*)::int` }).from(t)) as [{ total: number }];
        const data = (await select(tx).orderBy(...orderBy).offset(skip).limit(limit)) as unknown as T[];
        return { data, total, skip, limit };
      }),
    async get(tenantId, id) {
      const [row] = (await withTenant(tenantId, (tx) => select(tx).where(eq(t.id, id)))) as T[];
      return row ?? null;
    },
    create: (tenantId, input, audit, outer) => {
      const insert = async (tx: Tx) => {
        const [item] = (await tx.insert(t).values({ tenantId, ...(input as object) } as never).returning(columns as never)) as unknown as T[];
        await auditIn(tx, tenantId, audit, null, item!);
        return item!;
      };
      return (outer ? insert(outer) : withTenant(tenantId, insert)).catch(duplicate);
    },
    update: (tenantId, id, input, audit) =>
      withTenant(tenantId, async (tx) => {
        const [before] = audit ? ((await select(tx).where(eq(t.id, id)).for('update')) as T[]) : [];
        const [item] = await write(tx, id, input);
        if (item) await auditIn(tx, tenantId, audit, before ?? null, item);
        return item ?? null;
      }).catch(duplicate),
    patch: (tenantId, id, merge, audit) =>
      withTenant(tenantId, async (tx) => {
        // Locked from the read to the write: a concurrent change waits instead of being lost.
        const [current] = (await select(tx).where(eq(t.id, id)).for('update')) as T[];
        if (!current) return null;
        const item = (await write(tx, id, merge(current)))[0]!;
        await auditIn(tx, tenantId, audit, current, item);
        return item;
      }).catch(duplicate),
    delete: (tenantId, id, audit) =>
      withTenant(tenantId, async (tx) => {
        const [before] = (await select(tx).where(eq(t.id, id)).for('update')) as T[];
        if (!before) return false;
        await unlink(tx, id);
        await tx.delete(t).where(eq(t.id, id));
        await auditIn(tx, tenantId, audit, before, null);
        return true;
      }),
  };
}

/** Modifier options get stable ids on write (an order line refers to the option it chose). */
function withOptionIds(store: ReferenceStore<ModifierGroup, ModifierGroupInput>): ReferenceStore<ModifierGroup, ModifierGroupInput> {
  return {
    ...store,
    create: (tenantId, input, audit) => store.create(tenantId, withModifierOptionIds(input), audit),
    update: (tenantId, id, input, audit) => store.update(tenantId, id, withModifierOptionIds(input), audit),
    patch: (tenantId, id, merge, audit) => store.patch(tenantId, id, (current) => withModifierOptionIds(merge(current)), audit),
  };
}

/** Categories, tax classes, modifier groups and saved discounts: one table each; deleting one unlinks it from products. */
export function postgresReferenceData(): ReferenceStores {
  return {
    categories: referenceStore<Category, CategoryInput>(
      categories,
      { id: categories.id, name: categories.name, position: categories.position, color: categories.color, tracksStock: categories.tracksStock },
      [asc(categories.position), asc(categories.name)],
      async (tx, id) => {
        await tx.update(products).set({ categoryId: null }).where(eq(products.categoryId, id));
      },
      'category',
    ),
    taxClasses: referenceStore<TaxClass, TaxClassInput>(
      taxClasses,
      taxClassColumns,
      [asc(taxClasses.name)],
      async (tx, id) => {
        await tx.update(products).set({ taxClassId: null }).where(eq(products.taxClassId, id));
      },
      'tax class',
    ),
    modifierGroups: withOptionIds(
      referenceStore<ModifierGroup, ModifierGroupInput>(
        modifierGroups,
        modifierGroupColumns,
        [asc(modifierGroups.name)],
        async (tx, id) => {
          await tx
            .update(products)
            .set({ modifierGroupIds: sql`array_remove(${products.modifierGroupIds}, ${id}::uuid)` })
            .where(sql`${id}::uuid = any(${products.modifierGroupIds})`);
        },
        'modifier group',
      ),
    ),
    savedDiscounts: referenceStore<SavedDiscount, SavedDiscountInput>(
      savedDiscounts,
      {
        id: savedDiscounts.id,
        name: savedDiscounts.name,
        kind: savedDiscounts.kind,
        basisPoints: savedDiscounts.basisPoints,
        amount: savedDiscounts.amount,
        appliesTo: savedDiscounts.appliesTo,
        needsApproval: savedDiscounts.needsApproval,
      },
      [asc(savedDiscounts.name)],
      // Orders keep a snapshot of the discount they used; no product refers to one.
      async () => {},
      'discount',
    ),
  };
}
