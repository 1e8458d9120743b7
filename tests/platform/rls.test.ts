import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { database } from '@/db/client';
import { withPlatform, withTenant } from '@/lib/platform/db';
import { createTenant, rowsOf, type TestTenant } from '../helpers';

/** A query on the raw connection, outside withTenant: reads the system catalog only. */
async function rawQuery<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const { db } = await database();
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

  it('keeps settings transaction-local (nothing leaks to the next transaction)', async () => {
    await withTenant(a.tenant.id, async () => {});
    const [after] = await rawQuery<{ tenant: string | null; role: string }>(
      sql`select nullif(current_setting('app.tenant_id', true), '') as tenant, current_setting('role') as role`,
    );
    expect(after).toEqual({ tenant: null, role: 'none' });
  });
});
