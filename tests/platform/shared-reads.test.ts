import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withPlatform, withTenant, withTenantReads } from '@/lib/platform/db';
import { createTenant, rowsOf, type TestTenant } from '../helpers';

/** The backend's transaction id: the same for every statement of one transaction. */
const txid = (tenantId: string) => withTenant(tenantId, async (tx) => rowsOf<{ id: string }>(await tx.execute(sql`select txid_current()::text id`))[0]!.id);

describe('withTenantReads', () => {
  let a: TestTenant;
  let b: TestTenant;
  beforeAll(async () => {
    [a, b] = [await createTenant(), await createTenant()];
  });

  it('gives every withTenant of the tenant inside it one transaction, and each outside its own', async () => {
    const inside = await withTenantReads(a.tenant.id, () => Promise.all([txid(a.tenant.id), txid(a.tenant.id), withTenantReads(a.tenant.id, () => txid(a.tenant.id))]));
    expect(new Set(inside).size).toBe(1);
    expect(await txid(a.tenant.id)).not.toBe(inside[0]);
  });

  it('keeps RLS: the shared transaction is the tenant’s', async () => {
    const seen = await withTenantReads(a.tenant.id, () =>
      withTenant(a.tenant.id, async (tx) => rowsOf<{ t: string }>(await tx.execute(sql`select current_setting('app.tenant_id') t`))[0]!.t),
    );
    expect(seen).toBe(a.tenant.id);
  });

  it('refuses a write inside, and leaves nothing of it', async () => {
    await expect(
      withTenantReads(a.tenant.id, () => withTenant(a.tenant.id, (tx) => tx.execute(sql`insert into tenant_settings (tenant_id) values (${a.tenant.id}) on conflict do nothing`))),
    ).rejects.toMatchObject({ cause: { message: expect.stringContaining('read-only transaction') } });
    // The connection went back clean: the next transaction writes as usual.
    await withTenant(a.tenant.id, (tx) => tx.execute(sql`select 1`));
  });

  it('refuses another tenant’s or the platform’s transaction inside at once', async () => {
    await expect(withTenantReads(a.tenant.id, () => txid(b.tenant.id))).rejects.toMatchObject({ code: 'internal' });
    await expect(withTenantReads(a.tenant.id, () => withPlatform(async () => 1))).rejects.toMatchObject({ code: 'internal' });
    await expect(withTenantReads(a.tenant.id, () => withTenantReads(b.tenant.id, async () => 1))).rejects.toMatchObject({ code: 'internal' });
  });
});
