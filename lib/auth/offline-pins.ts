import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { offlinePinKeys, users } from '@/db/schema/auth';
import { recordAudit } from '@/lib/platform/audit';
import { config } from '@/lib/platform/config';
import { withTenant, type Tx } from '@/lib/platform/db';
import { getTenantSettings } from '@/lib/tenancy';
import type { TenantContext, TenantScope } from './context';
import { can, type Role } from './permissions';
import { deviceKey, PIN_VERIFIER_ITERATIONS, pinSeed, saleProof, sameText, toBase64Url, verifierOf } from './pin-verifier';

/**
 * Offline PIN switching's server side (docs/security.md › Offline PIN switching). The register keeps
 * per-device verifiers (pin-verifier.ts) fetched at each sync; a sale it rang up offline for another
 * person carries that person's proof, which is checked here when the sale reaches the server.
 */

/** A register's own random id: 16–64 URL-safe characters (the register makes 32 random bytes once). */
export const deviceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'A device id is 16 to 64 letters, digits, - or _');
export const pinVerifiersQuerySchema = z.object({ device: deviceIdSchema }).strict();

export const offlineCashierSchema = z
  .object({
    userId: z.uuid({ message: 'Name the staff member' }),
    device: deviceIdSchema,
    proof: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'A proof is 43 URL-safe characters'),
  })
  .strict();
export type OfflineCashier = z.output<typeof offlineCashierSchema>;

// ——— the seed, sealed at rest ———

const sealKey = () => createHmac('sha256', config().authSecret).update('tillwise offline pin seeds v1').digest();

/** The sealed seed of `pin`, stored beside its argon2 hash (users.pin_seed). */
export async function sealPinSeed(tenantId: string, userId: string, pin: string): Promise<string> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(), iv);
  const sealed = Buffer.concat([cipher.update(await pinSeed(tenantId, userId, pin)), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), sealed.toString('base64url')].join('.');
}

/** The seed, or null when it cannot be read (another NEXTAUTH_SECRET, a damaged value): that person has no offline PIN until it is set again. */
function openPinSeed(sealed: string): Uint8Array<ArrayBuffer> | null {
  try {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || !data) return null;
    const decipher = createDecipheriv('aes-256-gcm', sealKey(), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return new Uint8Array(Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]));
  } catch {
    return null;
  }
}

// ——— per device ———

const deviceSaltKey = () => createHmac('sha256', config().authSecret).update('tillwise offline pin devices v1').digest();

/** The PBKDF2 salt of one device under the tenant's epoch: the server's HMAC, so nobody else can make one. */
function deviceSalt(tenantId: string, epoch: number, device: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(createHmac('sha256', deviceSaltKey()).update(`${tenantId}\u0000${epoch}\u0000${device}`).digest());
}

/**
 * The slow derivation costs what it costs a device (≈0.2 s of one core here); each (person, PIN,
 * device, epoch) is derived once per process and kept. The key is the PIN's hash's hash: keeping it
 * adds nothing the sealed seed does not already give away.
 */
const KEPT = 5_000;
const derived = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
function keyFor(tenantId: string, userId: string, sealed: string, epoch: number, device: string): Promise<Uint8Array<ArrayBuffer>> | null {
  const name = createHash('sha256').update([tenantId, userId, sealed, epoch, device].join('\u0000')).digest('base64url');
  const kept = derived.get(name);
  if (kept) return kept;
  const seed = openPinSeed(sealed);
  if (!seed) return null;
  const key = deviceKey(seed, deviceSalt(tenantId, epoch, device), PIN_VERIFIER_ITERATIONS);
  if (derived.size >= KEPT) derived.delete(derived.keys().next().value!);
  derived.set(name, key);
  key.catch(() => derived.delete(name));
  return key;
}

async function epochIn(tx: Tx): Promise<number> {
  const [row] = await tx.select({ epoch: offlinePinKeys.epoch }).from(offlinePinKeys);
  return row?.epoch ?? 0;
}

type SeededStaff = { id: string; name: string; role: Role; pinSeed: string | null };

async function seededPinStaff(tx: Tx): Promise<SeededStaff[]> {
  return tx
    .select({ id: users.id, name: users.name, role: users.role, pinSeed: users.pinSeed })
    .from(users)
    .where(and(eq(users.active, true), sql`${users.pinHash} is not null`))
    .orderBy(users.name);
}

export type PinVerifiers = {
  epoch: number;
  iterations: number;
  /** The device's PBKDF2 salt (base64url), the same for everyone on it. */
  salt: string;
  staff: { id: string; name: string; role: Role; verifier: string }[];
};

/**
 * This device's verifiers: one per person a PIN may switch the register to (active, with a PIN,
 * owners only where the tenant allows it), the signed-in person included (to switch back). A
 * person whose PIN predates the seed is left out until their next PIN sign-in or a new PIN.
 */
export async function pinVerifiersFor(ctx: TenantContext, device: string): Promise<PinVerifiers> {
  const { staff, epoch, settings } = await withTenant(ctx.tenantId, async (tx) => ({
    staff: await seededPinStaff(tx),
    epoch: await epochIn(tx),
    settings: await getTenantSettings(ctx, tx),
  }));
  const targets = staff.filter((s) => s.role !== 'owner' || settings.pinSwitchToOwner); // as staffToSwitchTo, nobody left out for being signed in
  const entries = await Promise.all(
    targets.map(async (s) => {
      const key = s.pinSeed ? keyFor(ctx.tenantId, s.id, s.pinSeed, epoch, device) : null;
      return key ? { id: s.id, name: s.name, role: s.role, verifier: await verifierOf(await key) } : null;
    }),
  );
  return { epoch, iterations: PIN_VERIFIER_ITERATIONS, salt: toBase64Url(deviceSalt(ctx.tenantId, epoch, device)), staff: entries.filter((e) => e !== null) };
}

/** Voids every register's verifiers at once (a register lost or stolen): each fetches new ones at its next sync. */
export async function rotateOfflinePinKey(ctx: TenantContext): Promise<{ epoch: number }> {
  return withTenant(ctx.tenantId, async (tx) => {
    const before = await epochIn(tx);
    const [row] = await tx
      .insert(offlinePinKeys)
      .values({ tenantId: ctx.tenantId, epoch: before + 1, rotatedBy: ctx.userId })
      .onConflictDoUpdate({ target: offlinePinKeys.tenantId, set: { epoch: sql`${offlinePinKeys.epoch} + 1`, rotatedAt: new Date(), rotatedBy: ctx.userId } })
      .returning({ epoch: offlinePinKeys.epoch });
    await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, action: 'offline_pins.rotated', entityType: 'tenant', entityId: ctx.tenantId, before: { epoch: before }, after: { epoch: row!.epoch } });
    return { epoch: row!.epoch };
  });
}

// ——— who rang up an offline sale ———

export type OfflineAttribution = {
  /** Who the sale is recorded as rung up by: the named cashier when accepted, else the session's person. */
  ctx: TenantContext;
  accepted: boolean;
  /** Why not, when refused. */
  reason: 'accepted' | 'unknown_person' | 'no_pin' | 'may_not_sell' | 'wrong_proof';
};

/**
 * The cashier an offline sale names, checked: staff of THIS tenant (RLS sees no other), active, with
 * a PIN, whose role may sell, and whose proof for this sale's key is right under the tenant's
 * current epoch and their current PIN. Anything else leaves the sale with the session's person.
 */
export async function attributeOfflineSale(ctx: TenantContext, claim: OfflineCashier, saleKey: string | null): Promise<OfflineAttribution> {
  const refused = (reason: OfflineAttribution['reason']): OfflineAttribution => ({ ctx, accepted: false, reason });
  const { person, epoch } = await withTenant(ctx.tenantId, async (tx) => ({
    person: (await tx.select({ id: users.id, name: users.name, role: users.role, active: users.active, pinHash: users.pinHash, pinSeed: users.pinSeed }).from(users).where(eq(users.id, claim.userId)))[0],
    epoch: await epochIn(tx),
  }));
  if (!person || !person.active) return refused('unknown_person');
  if (!person.pinHash || !person.pinSeed) return refused('no_pin');
  if (!can(person.role, 'order:create')) return refused('may_not_sell');
  const key = saleKey ? keyFor(ctx.tenantId, person.id, person.pinSeed, epoch, claim.device) : null;
  if (!key || !sameText(await saleProof(await key, saleKey!), claim.proof)) return refused('wrong_proof');
  if (person.id === ctx.userId) return { ctx, accepted: true, reason: 'accepted' };
  return { ctx: Object.freeze({ ...ctx, userId: person.id, name: person.name, role: person.role }), accepted: true, reason: 'accepted' };
}

/** The audit row of an offline sale that named its cashier, accepted or not (in the sale's transaction). */
export async function auditOfflineAttribution(tx: Tx, sessionCtx: TenantScope & { userId: string }, order: { id: string; number: number }, claim: OfflineCashier, outcome: OfflineAttribution): Promise<void> {
  await recordAudit(tx, sessionCtx.tenantId, {
    actorUserId: sessionCtx.userId,
    action: 'order.offline_attributed',
    entityType: 'order',
    entityId: order.id,
    after: { cashierId: outcome.ctx.userId },
    details: { number: order.number, claimedCashierId: claim.userId, accepted: outcome.accepted, reason: outcome.reason, device: claim.device.slice(0, 8) },
  });
}

/** Stores the seed of a PIN that has none (set before seeds existed), once it was just verified at a PIN sign-in. */
export async function backfillPinSeed(tenantId: string, userId: string, pin: string): Promise<void> {
  const sealed = await sealPinSeed(tenantId, userId, pin);
  await withTenant(tenantId, (tx) => tx.update(users).set({ pinSeed: sealed }).where(and(eq(users.id, userId), sql`${users.pinSeed} is null`)));
}
