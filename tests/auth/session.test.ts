import { eq } from 'drizzle-orm';
import { EncryptJWT } from 'jose';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { updateStaff } from '@/lib/auth';
import { users } from '@/db/schema/auth';
import { endSession, verifySessionToken } from '@/lib/auth/session';
import { withTenant } from '@/lib/platform/db';
import { contextOf, createTenant, sessionTokenFor, type TestTenant } from '../helpers';

/** An unsigned ("alg": "none") JWT with well-formed claims. */
function unsignedJwt(claims: Record<string, unknown>): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

describe('sessions', () => {
  let a: TestTenant;
  let b: TestTenant;
  beforeAll(async () => {
    a = await createTenant();
    b = await createTenant();
  });

  it('accepts a valid token on its own tenant host', async () => {
    const session = await verifySessionToken(await sessionTokenFor(a.cashier), a.tenant.id);
    expect(session).toMatchObject({ userId: a.cashier.id, tenantId: a.tenant.id, role: 'cashier' });
  });

  it('rejects tenant A’s token on tenant B’s host', async () => {
    expect(await verifySessionToken(await sessionTokenFor(a.owner), b.tenant.id)).toBeNull();
  });

  it('rejects a tampered token', async () => {
    const token = await sessionTokenFor(a.owner);
    const parts = token.split('.');
    const cipher = parts[3]!;
    parts[3] = (cipher[0] === 'A' ? 'B' : 'A') + cipher.slice(1);
    expect(await verifySessionToken(parts.join('.'), a.tenant.id)).toBeNull();
    expect(await verifySessionToken(token.slice(0, -2), a.tenant.id)).toBeNull();
  });

  it('rejects unsigned tokens and tokens made with another secret', async () => {
    const claims = { sub: a.owner.id, tid: a.tenant.id, role: 'owner', name: 'x', email: 'x', sid: crypto.randomUUID(), authTime: Date.now(), exp: Math.floor(Date.now() / 1000) + 3600 };
    expect(await verifySessionToken(unsignedJwt(claims), a.tenant.id)).toBeNull();
    const forged = await new EncryptJWT(claims)
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .encrypt(new Uint8Array(32).fill(7));
    expect(await verifySessionToken(forged, a.tenant.id)).toBeNull();
  });

  it('rejects a revoked token (sign-out), while other sessions live on', async () => {
    const token = await sessionTokenFor(a.manager);
    const other = await sessionTokenFor(a.manager);
    const session = (await verifySessionToken(token, a.tenant.id))!;
    await endSession(session);
    expect(await verifySessionToken(token, a.tenant.id)).toBeNull();
    expect(await verifySessionToken(other, a.tenant.id)).not.toBeNull();
  });

  it('rejects a token past its expiry that it accepted before (a decrypted token is kept, its expiry still holds)', async () => {
    // Signed in "an hour from now": the token's expiry comes before its absolute life ends, so only the expiry refuses it.
    const token = await sessionTokenFor(a.cashier, { authTime: Date.now() + 3600_000 });
    const exp = (await verifySessionToken(token, a.tenant.id))!.expiresAt;
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime((exp + 16) * 1000); // past jose's 15 s of clock tolerance
      expect(await verifySessionToken(token, a.tenant.id)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('rejects a session past its absolute life of 12 hours', async () => {
    const token = await sessionTokenFor(a.owner, { authTime: Date.now() - 12 * 3600 * 1000 - 1000 });
    expect(await verifySessionToken(token, a.tenant.id)).toBeNull();
  });

  it('ends every session of someone whose role changes or who is deactivated', async () => {
    const owner = contextOf(b);
    const before = await sessionTokenFor(b.cashier, { authTime: Date.now() - 5 });
    await updateStaff(owner, b.cashier.id, { role: 'manager' });
    expect(await verifySessionToken(before, b.tenant.id)).toBeNull();
    await new Promise((r) => setTimeout(r, 5));
    const after = await sessionTokenFor({ ...b.cashier, role: 'manager' });
    expect(await verifySessionToken(after, b.tenant.id)).toMatchObject({ role: 'manager' });
    await updateStaff(owner, b.cashier.id, { active: false });
    expect(await verifySessionToken(after, b.tenant.id)).toBeNull();
  });

  it('ends the sessions of someone deactivated where Redis never heard of it', async () => {
    // As if another instance deactivated them and its Redis write was lost: only the row says so.
    const t = await createTenant();
    const token = await sessionTokenFor(t.cashier);
    await withTenant(t.tenant.id, (tx) => tx.update(users).set({ active: false }).where(eq(users.id, t.cashier.id)));
    expect(await verifySessionToken(token, t.tenant.id)).toBeNull();

    const other = await sessionTokenFor(t.manager, { authTime: Date.now() - 5 });
    await withTenant(t.tenant.id, (tx) => tx.update(users).set({ sessionsValidAfter: new Date() }).where(eq(users.id, t.manager.id)));
    expect(await verifySessionToken(other, t.tenant.id)).toBeNull();
    expect(await verifySessionToken(await sessionTokenFor(t.manager, { authTime: Date.now() + 5 }), t.tenant.id)).not.toBeNull();
  });

  it('keeps a session when only the name changes', async () => {
    const token = await sessionTokenFor(a.cashier, { authTime: Date.now() - 5 });
    await updateStaff(contextOf(a), a.cashier.id, { name: 'Cas Renamed' });
    expect(await verifySessionToken(token, a.tenant.id)).not.toBeNull();
  });
});
