import { and, asc, desc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import { customers, loyaltyLedger, type CustomerRow } from '@/db/schema/customers';
import type { TenantContext, TenantScope } from '@/lib/auth';
import { recordAudit } from '@/lib/platform/audit';
import { withTenant, type Tx } from '@/lib/platform/db';
import { AppError, notFound, pgErrorCode } from '@/lib/platform/errors';
import { phoneDigitsOf, type CustomerInput, type CustomerPatch, type CustomerSearch } from './schemas';

/** A customer as every caller sees one (never the raw row). */
export type CustomerView = {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  note: string | null;
  tags: string[];
  pointsBalance: number;
  createdAt: Date;
  updatedAt: Date;
  /** When the personal data was erased (the profile then has none); null: not erased. */
  erasedAt: Date | null;
};

/** A customer's own facts as an export gives them (the order history comes from lib/orders). */
export type CustomerExport = { customer: CustomerView; pointsLedger: LedgerEntryView[] };
export type LedgerEntryView = { id: string; orderId: string; kind: 'earn' | 'redeem' | 'reverse'; referenceId: string; points: number; amount: number; createdAt: Date };

export const ERASED_NAME = 'Erased customer';

const viewColumns = {
  id: customers.id,
  name: customers.name,
  phone: customers.phone,
  email: customers.email,
  note: customers.note,
  tags: customers.tags,
  pointsBalance: customers.pointsBalance,
  createdAt: customers.createdAt,
  updatedAt: customers.updatedAt,
  erasedAt: customers.erasedAt,
};

const duplicatePhone = () => new AppError('conflict', 'Another customer has this phone number', [{ path: 'phone', message: 'Already in use' }], { words: { key: 'phoneTaken' }, fieldWords: { phone: { key: 'inUse' } } });

/** Audit rows of customers name the fields that changed, never their values: an erased customer's phone must not live on in the log. */
const changedFields = (patch: Partial<CustomerInput>) => Object.keys(patch).filter((k) => patch[k as keyof CustomerInput] !== undefined);

export async function createCustomer(ctx: TenantContext, input: CustomerInput): Promise<CustomerView> {
  try {
    return await withTenant(ctx.tenantId, async (tx) => {
      const [row] = await tx
        .insert(customers)
        .values({ tenantId: ctx.tenantId, ...input, phoneDigits: phoneDigitsOf(input.phone), createdBy: ctx.userId })
        .returning(viewColumns);
      await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, action: 'customer.created', entityType: 'customer', entityId: row!.id, details: { fields: changedFields(input) } });
      return row!;
    });
  } catch (err) {
    throw pgErrorCode(err) === '23505' ? duplicatePhone() : err;
  }
}

export async function updateCustomer(ctx: TenantContext, customerId: string, patch: CustomerPatch): Promise<CustomerView> {
  try {
    return await withTenant(ctx.tenantId, async (tx) => {
      const current = await lockCustomer(tx, customerId);
      if (current.erasedAt) throw new AppError('conflict', 'This customer was erased; their profile cannot change', undefined, { words: { key: 'customerErased' } });
      const set = { ...patch, ...(patch.phone !== undefined ? { phoneDigits: phoneDigitsOf(patch.phone) } : {}), updatedAt: new Date() };
      const [row] = await tx.update(customers).set(set).where(eq(customers.id, customerId)).returning(viewColumns);
      await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, action: 'customer.updated', entityType: 'customer', entityId: customerId, details: { fields: changedFields(patch) } });
      return row!;
    });
  } catch (err) {
    throw pgErrorCode(err) === '23505' ? duplicatePhone() : err;
  }
}

async function lockCustomer(tx: Tx, customerId: string): Promise<CustomerRow> {
  const [row] = await tx.select().from(customers).where(eq(customers.id, customerId)).for('update');
  if (!row) throw notFound('Customer');
  return row;
}

/** One customer of the tenant (in the caller's transaction when given); not_found for any other id. */
export async function getCustomer({ tenantId }: TenantScope, customerId: string, tx?: Tx): Promise<CustomerView> {
  const read = async (tx: Tx) => {
    const [row] = await tx.select(viewColumns).from(customers).where(eq(customers.id, customerId));
    if (!row) throw notFound('Customer');
    return row;
  };
  return tx ? read(tx) : withTenant(tenantId, read);
}

/** Escapes LIKE's wildcards in what was typed, so "50%" finds "50%" and not everything. */
const likeText = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Customers by phone or name: 3 digits or more search the phone numbers too (any part of them,
 * whatever spaces or dashes were typed), any text searches the names (any part, any case).
 * Erased customers are never found. Names in order; an empty query lists everyone.
 */
export async function searchCustomers({ tenantId }: TenantScope, query: CustomerSearch): Promise<{ data: CustomerView[]; total: number }> {
  const q = query.q.trim();
  const digits = phoneDigitsOf(q);
  const matches = q
    ? or(ilike(customers.name, `%${likeText(q)}%`), digits && digits.length >= 3 ? sql`${customers.phoneDigits} like ${`%${digits}%`}` : undefined)
    : undefined;
  const where = and(isNull(customers.erasedAt), matches);
  return withTenant(tenantId, async (tx) => {
    const [data, [count]] = await Promise.all([
      tx.select(viewColumns).from(customers).where(where).orderBy(asc(sql`lower(${customers.name})`), asc(customers.id)).limit(query.limit).offset(query.offset),
      tx.select({ n: sql<number>`count(*)::int` }).from(customers).where(where),
    ]);
    return { data, total: count?.n ?? 0 };
  });
}

/**
 * The customer an order is being attached to, read in the order's transaction: a customer of this
 * tenant (RLS sees no other) who was not erased, or 422 on `customerId` — an id of another
 * business is answered exactly as an id that does not exist.
 */
export async function customerForOrder(tx: Tx, customerId: string): Promise<CustomerView> {
  const [row] = await tx.select(viewColumns).from(customers).where(and(eq(customers.id, customerId), isNull(customers.erasedAt)));
  if (!row) throw new AppError('unprocessable', 'No such customer', [{ path: 'customerId', message: 'No such customer' }], { words: { key: 'noSuchCustomer' }, fieldWords: { customerId: { key: 'id' } } });
  return row;
}

/** The customer's points ledger, newest first (in the caller's transaction when given). */
export async function pointsLedgerOf({ tenantId }: TenantScope, customerId: string, tx?: Tx): Promise<LedgerEntryView[]> {
  const read = (tx: Tx) =>
    tx
      .select({
        id: loyaltyLedger.id,
        orderId: loyaltyLedger.orderId,
        kind: loyaltyLedger.kind,
        referenceId: loyaltyLedger.referenceId,
        points: loyaltyLedger.points,
        amount: loyaltyLedger.amount,
        createdAt: loyaltyLedger.createdAt,
      })
      .from(loyaltyLedger)
      .where(eq(loyaltyLedger.customerId, customerId))
      .orderBy(desc(loyaltyLedger.createdAt), desc(loyaltyLedger.id));
  return tx ? read(tx) : withTenant(tenantId, read);
}

/**
 * What the business holds on a customer (profile and points ledger), in the caller's transaction,
 * audited as an export. lib/orders adds the order history (`exportCustomer` there).
 */
export async function exportCustomerIn(tx: Tx, ctx: TenantContext, customerId: string): Promise<CustomerExport> {
  const customer = await getCustomer(ctx, customerId, tx);
  const pointsLedger = await pointsLedgerOf(ctx, customerId, tx);
  await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, action: 'customer.exported', entityType: 'customer', entityId: customerId });
  return { customer, pointsLedger };
}

/**
 * Erases a customer's personal data in the caller's transaction: name, phone, email, note and
 * tags go; the row stays (as "Erased customer") so past orders and the points ledger, which hold
 * no personal data, still add up. lib/orders blanks the name on their orders in the same
 * transaction (`eraseCustomer` there). Erasing twice is refused (409).
 */
export async function eraseCustomerIn(tx: Tx, ctx: TenantContext, customerId: string): Promise<CustomerView> {
  const current = await lockCustomer(tx, customerId);
  if (current.erasedAt) throw new AppError('conflict', 'This customer was erased already', undefined, { words: { key: 'customerErasedAlready' } });
  const now = new Date();
  const [row] = await tx
    .update(customers)
    .set({ name: ERASED_NAME, phone: null, phoneDigits: null, email: null, note: null, tags: [], erasedAt: now, updatedAt: now })
    .where(eq(customers.id, customerId))
    .returning(viewColumns);
  await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, action: 'customer.erased', entityType: 'customer', entityId: customerId });
  return row!;
}
