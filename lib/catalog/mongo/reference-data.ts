import type { Collection, Filter, UpdateFilter } from 'mongodb';
import { AppError, nameTaken } from '@/lib/platform/errors';
import type { Category, ModifierGroup, ReferenceStore, ReferenceStores, SavedDiscount, TaxClass } from '../repository';
import type { CategoryInput, ModifierGroupInput, SavedDiscountInput, TaxClassInput } from '../schemas';
import { withModifierOptionIds } from '../shared';
import { assertSafeInput, pageOf, scoped, str, tenant } from './checks';
import { ready, type CategoryDoc, type ModifierGroupDoc, type MongoHandle, type ProductDoc, type SavedDiscountDoc, type Stamped, type TaxClassDoc } from './connection';
import { duplicateKey } from './errors';

type Doc = Stamped & { name: string; revision?: number | null };

const MAX_PATCH_ATTEMPTS = 5;

function referenceStore<T extends { id: string }, Input, D extends Doc>(
  collection: () => Promise<Collection<D>>,
  fields: (input: Input) => Omit<D, keyof Stamped | 'revision'>,
  toItem: (doc: D) => T,
  sort: Record<string, 1 | -1>,
  unlink: (tenantId: string, id: string) => Promise<void>,
  what: string,
): ReferenceStore<T, Input> {
  const duplicate = (err: unknown): never => {
    if (duplicateKey(err)) throw nameTaken(what);
    throw err;
  };
  const checked = (input: Input) => {
    assertSafeInput(input, 'input');
    const f = fields(input);
    assertSafeInput(f, what);
    return f;
  };
  const order = { ...sort, _id: 1 } as const;
  const byId = (t: string, key: string) => scoped<D>(t, { _id: key } as Filter<D>);
  // Every write counts the revision up, so a PATCH can write only over the version it read.
  const write = (input: Input) => ({ $set: { ...checked(input), updatedAt: new Date() }, $inc: { revision: 1 } }) as unknown as UpdateFilter<D>;
  return {
    async list(tenantId) {
      const t = tenant(tenantId);
      const docs = await (await collection()).find(scoped<D>(t), { sort: order }).toArray();
      return docs.map((d) => toItem(d as D));
    },
    async page(tenantId, query) {
      const t = tenant(tenantId);
      const { skip, limit } = pageOf(query);
      const col = await collection();
      const [total, docs] = await Promise.all([col.countDocuments(scoped<D>(t)), col.find(scoped<D>(t), { sort: order, skip, limit }).toArray()]);
      return { data: docs.map((d) => toItem(d as D)), total, skip, limit };
    },
    async get(tenantId, id) {
      const filter = byId(tenant(tenantId), str(id, 'id'));
      const doc = await (await collection()).findOne(filter);
      return doc ? toItem(doc as D) : null;
    },
    async create(tenantId, input) {
      const t = tenant(tenantId);
      const now = new Date();
      const doc = { _id: crypto.randomUUID(), tenantId: t, ...checked(input), createdAt: now, updatedAt: now, revision: 0 } as D;
      await (await collection()).insertOne(doc as Parameters<Collection<D>['insertOne']>[0]).catch(duplicate);
      return toItem(doc);
    },
    async update(tenantId, id, input) {
      const filter = byId(tenant(tenantId), str(id, 'id'));
      const update = write(input);
      const doc = await (await collection()).findOneAndUpdate(filter, update, { returnDocument: 'after' }).catch(duplicate);
      return doc ? toItem(doc as D) : null;
    },
    async patch(tenantId, id, merge) {
      const t = tenant(tenantId);
      const key = str(id, 'id');
      const col = await collection();
      // One atomic update that applies only to the revision merged (no replica set needed);
      // a concurrent write in between means merging again onto what it wrote.
      for (let attempt = 0; attempt < MAX_PATCH_ATTEMPTS; attempt++) {
        const current = (await col.findOne(byId(t, key))) as D | null;
        if (!current) return null;
        // `?? null`: a document written before revisions existed has none (null matches a missing field).
        const filter = scoped<D>(t, { _id: key, revision: current.revision ?? null } as Filter<D>);
        const doc = await col.findOneAndUpdate(filter, write(merge(toItem(current))), { returnDocument: 'after' }).catch(duplicate);
        if (doc) return toItem(doc as D);
      }
      throw new AppError('conflict', `The ${what} changed while it was being saved; try again`, undefined, { words: { key: 'changedWhileSaving' } });
    },
    async delete(tenantId, id) {
      const t = tenant(tenantId);
      const key = str(id, 'id');
      // References first (like the Postgres adapter, which does both in one transaction): a
      // crash in between leaves an unused item, never a product pointing at nothing.
      await unlink(t, key);
      const result = await (await collection()).deleteOne(byId(t, key));
      return result.deletedCount > 0;
    },
  };
}

/** Categories, tax classes and modifier groups: one collection each; deleting one unlinks it from products. */
export function mongoReferenceData(h: MongoHandle): ReferenceStores {
  const cols = () => ready(h);
  const products = async () => (await cols()).products;
  return {
    categories: referenceStore<Category, CategoryInput, CategoryDoc>(
      async () => (await cols()).categories,
      (i) => ({ name: str(i.name, 'name'), position: i.position ?? 0, color: i.color ?? null, tracksStock: typeof i.tracksStock === 'boolean' ? i.tracksStock : null }),
      // A document written before the field existed has none: it follows the store's default.
      (d) => ({ id: d._id, name: d.name, position: d.position, color: d.color ?? null, tracksStock: typeof d.tracksStock === 'boolean' ? d.tracksStock : null }),
      { position: 1, name: 1 },
      async (tenantId, id) => {
        await (await products()).updateMany(scoped<ProductDoc>(tenantId, { categoryId: id }), { $set: { categoryId: null } });
      },
      'category',
    ),

    taxClasses: referenceStore<TaxClass, TaxClassInput, TaxClassDoc>(
      async () => (await cols()).taxClasses,
      (i) => ({ name: str(i.name, 'name'), rateBasisPoints: i.rateBasisPoints }),
      (d) => ({ id: d._id, name: d.name, rateBasisPoints: d.rateBasisPoints }),
      { name: 1 },
      async (tenantId, id) => {
        await (await products()).updateMany(scoped<ProductDoc>(tenantId, { taxClassId: id }), { $set: { taxClassId: null } });
      },
      'tax class',
    ),

    modifierGroups: referenceStore<ModifierGroup, ModifierGroupInput, ModifierGroupDoc>(
      async () => (await cols()).modifierGroups,
      (input) => {
        const i = withModifierOptionIds(input);
        return {
          name: str(i.name, 'name'),
          minSelect: i.minSelect,
          maxSelect: i.maxSelect,
          options: i.options.map((o) => ({ id: str(o.id, 'options.id'), name: o.name, priceDelta: o.priceDelta })),
        };
      },
      (d) => ({
        id: d._id,
        name: d.name,
        minSelect: d.minSelect,
        maxSelect: d.maxSelect,
        options: (d.options ?? []).map((o) => ({ id: o.id, name: o.name, priceDelta: o.priceDelta })),
      }),
      { name: 1 },
      async (tenantId, id) => {
        await (await products()).updateMany(scoped<ProductDoc>(tenantId, { modifierGroupIds: id }), { $pull: { modifierGroupIds: id } });
      },
      'modifier group',
    ),

    savedDiscounts: referenceStore<SavedDiscount, SavedDiscountInput, SavedDiscountDoc>(
      async () => (await cols()).savedDiscounts,
      (i) => ({
        name: str(i.name, 'name'),
        kind: i.kind === 'amount' ? 'amount' : 'percent',
        basisPoints: i.basisPoints ?? null,
        amount: i.amount ?? null,
        appliesTo: i.appliesTo,
        needsApproval: i.needsApproval === true,
      }),
      (d) => ({ id: d._id, name: d.name, kind: d.kind, basisPoints: d.basisPoints ?? null, amount: d.amount ?? null, appliesTo: d.appliesTo ?? 'any', needsApproval: d.needsApproval === true }),
      { name: 1 },
      // Orders keep a snapshot of the discount they used; no product refers to one.
      async () => {},
      'discount',
    ),
  };
}
