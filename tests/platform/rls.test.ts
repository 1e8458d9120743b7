import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { database } from '@/db/client';
import { outboxEvents } from '@/db/schema/events';
import { databaseSettings, enterTenant, withPlatform, withTenant } from '@/lib/platform/db';
import { pgErrorCode } from '@/lib/platform/errors';
import { createTenant, rowsOf, type TestTenant } from '../helpers';

/** A query on the raw connection, outside withTenant: reads the system catalog only. */
async function rawQuery<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const { db } = await database(databaseSettings());
  return rowsOf<T>(await db.execute(query));
}

type TableInfo = { table: string; rls: boolean; forced: boolean; firstKeyColumn: string | null };

async function tenantTables(): Promise<TableInfo[]> {
  return rawQuery<TableInfo>(sql`
    select c.relname as "table", c.relrowsecurity as rls, c.relforcerowsecurity as forced,
           (select a.attname from pg_index i join pg_attribute a on a.attrelid = c.oid and a.attnum = i.indkey[0]
             where i.indrelid = c.oid and i.indisprimary) as "firstKeyColumn"
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
    order by 1`);
}

describe('row-level security', () => {
  let a: TestTenant;
  let b: TestTenant;

  beforeAll(async () => {
    a = await createTenant();
    b = await createTenant();
  });

  it('is enabled and forced on every table with a tenant_id, which leads every primary key', async () => {
    const tables = await tenantTables();
    expect(tables.map((t) => t.table)).toEqual(expect.arrayContaining(['users', 'audit_events', 'idempotency_keys']));
    for (const t of tables) {
      expect({ table: t.table, rls: t.rls, forced: t.forced, firstKey: t.firstKeyColumn }).toEqual({
        table: t.table,
        rls: true,
        forced: true,
        firstKey: 'tenant_id',
      });
    }
  });

  it('puts tenant_id first in every unique and foreign key of a tenant table', async () => {
    const keys = await rawQuery<{ name: string; first: string }>(sql`
      select con.conname as name, a.attname as first
      from pg_constraint con
      join pg_class c on c.oid = con.conrelid
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum = con.conkey[1]
      where n.nspname = 'public' and con.contype in ('p', 'u', 'f')
        and exists (select 1 from pg_attribute t where t.attrelid = c.oid and t.attname = 'tenant_id')`);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect({ key: key.name, first: key.first }).toEqual({ key: key.name, first: 'tenant_id' });
  });

  it('runs the app as a role that owns nothing, is not superuser and cannot bypass RLS', async () => {
    const [role] = await withTenant(a.tenant.id, async (tx) => {
      return rowsOf(
        await tx.execute(sql`
          select current_user as name, r.rolsuper as super, r.rolbypassrls as bypass,
                 (select count(*)::int from pg_class c where c.relowner = r.oid) as owned
          from pg_roles r where r.rolname = current_user`),
      );
    });
    expect(role).toEqual({ name: 'tillwise_app', super: false, bypass: false, owned: 0 });
  });

  it('shows tenant A none of tenant B’s rows, even by B’s ids', async () => {
    for (const table of (await tenantTables()).map((t) => t.table)) {
      const [counts] = await withTenant(a.tenant.id, async (tx) =>
        rowsOf<{ other: number }>(
          await tx.execute(
            sql`select count(*) filter (where tenant_id = ${b.tenant.id})::int as other from ${sql.identifier(table)}`,
          ),
        ),
      );
      expect({ table, other: counts!.other }).toEqual({ table, other: 0 });
    }
    const byId = await withTenant(a.tenant.id, (tx) =>
      tx.execute(sql`select id from users where id in (${b.owner.id}, ${b.cashier.id})`),
    );
    expect(rowsOf(byId)).toHaveLength(0);
  });

  it('rejects writes of another tenant’s rows', async () => {
    await expect(
      withTenant(a.tenant.id, (tx) =>
        tx.execute(sql`insert into users (tenant_id, email, name, role, password_hash) values (${b.tenant.id}, 'x@y.z', 'X', 'owner', 'h')`),
      ),
    ).rejects.toThrow();
    const updated = await withTenant(a.tenant.id, (tx) =>
      tx.execute(sql`update users set name = 'Hacked' where id = ${b.owner.id} returning id`),
    );
    expect(rowsOf(updated)).toHaveLength(0);
  });

  it('shows nothing when no tenant is set', async () => {
    for (const table of (await tenantTables()).map((t) => t.table)) {
      const [row] = rowsOf<{ n: number }>(
        await withPlatform((tx) => tx.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`)),
      );
      expect({ table, n: row!.n }).toEqual({ table, n: 0 });
    }
  });

  it('gives the app role no way to a role that bypasses RLS', async () => {
    // Every role tillwise_app is, or could SET ROLE to through memberships of memberships.
    const reachable = await rawQuery<{ name: string; super: boolean; bypass: boolean }>(sql`
      with recursive reachable(oid) as (
        select oid from pg_roles where rolname = 'tillwise_app'
        union
        select m.roleid from pg_auth_members m join reachable r on m.member = r.oid
      )
      select r.rolname as name, r.rolsuper as super, r.rolbypassrls as bypass
      from pg_roles r join reachable using (oid) order by 1`);
    expect(reachable.map((r) => r.name)).toContain('tillwise_app');
    expect(reachable.filter((r) => r.super || r.bypass)).toEqual([]);
  });

  it('refuses SET ROLE tillwise_dispatcher to a session of tillwise_app', async () => {
    const { db } = await database(databaseSettings());
    // On Postgres the pool already logs in as tillwise_app; on PGlite (a superuser session)
    // this makes it the session user, which is what SET ROLE is checked against.
    const failure = await db
      .transaction(async (tx) => {
        await tx.execute(sql`set local session authorization tillwise_app`);
        await tx.execute(sql`set local role tillwise_dispatcher`);
      })
      .catch((e: unknown) => e);
    expect(pgErrorCode(failure)).toBe('42501'); // insufficient_privilege
  });

  it('lets the app role neither change nor delete tenants', async () => {
    for (const statement of [
      sql`update tenants set name = 'Hacked' where id = ${a.tenant.id}`,
      sql`delete from tenants where id = ${a.tenant.id}`,
    ]) {
      const failure = await withPlatform((tx) => tx.execute(statement)).catch((e: unknown) => e);
      expect(pgErrorCode(failure)).toBe('42501');
    }
  });

  it('claims outbox events through a definer function that returns only tenant ids and event ids', async () => {
    const [fn] = await rawQuery<{ owner: string; definer: boolean; config: string[]; result: string; publicExecute: boolean }>(sql`
      select pg_get_userbyid(p.proowner) as owner, p.prosecdef as definer, p.proconfig as config,
             pg_get_function_result(p.oid) as result,
             exists (select 1 from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) acl
                     where acl.grantee = 0 and acl.privilege_type = 'EXECUTE') as "publicExecute"
      from pg_proc p where p.proname = 'claim_outbox_batch'`);
    expect(fn).toEqual({
      owner: 'tillwise_dispatcher',
      definer: true,
      config: ['search_path=public, pg_temp'],
      result: 'TABLE(tenant_id uuid, id uuid)',
      publicExecute: false,
    });

    // Called as the app role, it leases due events of every tenant, but hands back nothing
    // to read: the rows themselves stay behind RLS. Two events of two tenants, due before any
    // other (so the claim takes exactly these), in a transaction that is rolled back.
    const rolledBack = new Error('roll back');
    let claimed: Record<string, string>[] = [];
    let leasedFor: { seconds: number }[] = [];
    const failure = await withTenant(a.tenant.id, async (tx) => {
      for (const t of [a, b]) {
        await enterTenant(tx, t.tenant.id);
        await tx.insert(outboxEvents).values({ tenantId: t.tenant.id, type: 'TenantCreated', payload: {}, nextAttemptAt: sql`'-infinity'` });
      }
      await enterTenant(tx, a.tenant.id);
      // A day's lease is asked for; the function grants at most 300 s.
      claimed = rowsOf(await tx.execute(sql`select * from claim_outbox_batch(2, 86400)`));
      leasedFor = rowsOf(
        await tx.execute(sql`
          select extract(epoch from next_attempt_at - now())::int as seconds from outbox_events
          where id in (${sql.join(claimed.map((row) => sql`${row.id}::uuid`), sql`, `)})`),
      );
      throw rolledBack;
    }).catch((e: unknown) => e);
    expect(failure).toBe(rolledBack);
    expect(claimed.map((row) => row.tenant_id).sort()).toEqual([a.tenant.id, b.tenant.id].sort());
    for (const row of claimed) expect(Object.keys(row).sort()).toEqual(['id', 'tenant_id']);
    expect(leasedFor).toEqual([{ seconds: 300 }]); // tenant A's own event: the only one it can read
  });

  it('keeps settings transaction-local (nothing leaks to the next transaction)', async () => {
    await withTenant(a.tenant.id, async () => {});
    const [after] = await rawQuery<{ tenant: string | null; role: string }>(
      sql`select nullif(current_setting('app.tenant_id', true), '') as tenant, current_setting('role') as role`,
    );
    expect(after).toEqual({ tenant: null, role: 'none' });
  });
});
