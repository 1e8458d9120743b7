import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { bigint, foreignKey, getTableConfig, integer, pgTable, primaryKey, serial, text, unique, uniqueIndex, uuid, type PgTable, type PgTableExtraConfigValue } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '@/db/schema';
import { COLOCATION_ANCHOR, DISTRIBUTION_COLUMN, LOCAL_TABLES, planCitus, renderPlan, tablesOf, type Blocker } from '@/scripts/citus/plan';

const root = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const policiesSql = read('db/policies.sql');
const tables = tablesOf(schema);
const plan = planCitus(tables, { policiesSql, tenantSetterSource: read('lib/platform/db.ts') });

const hasTenant = (t: PgTable) => getTableConfig(t).columns.some((c) => c.name === DISTRIBUTION_COLUMN);
const nameOf = (t: PgTable) => getTableConfig(t).name;
type Call = { table: string; kind: 'reference' } | { table: string; kind: 'distributed'; column: string; colocateWith: string };
type FunctionCall = { signature: string; argument: string; colocateWith: string };
const functionCall = /^SELECT create_distributed_function\('([^']+)', '([^']+)', colocate_with => '([^']+)'\);$/;
/** create_distributed_table / create_reference_table calls, parsed back out of the statements. */
const calls = plan.statements.flatMap((s): Call[] => {
  const d = /^SELECT create_distributed_table\('([^']+)', '([^']+)', colocate_with => '([^']+)'\);$/.exec(s);
  if (d) return [{ table: d[1]!, kind: 'distributed', column: d[2]!, colocateWith: d[3]! }];
  const r = /^SELECT create_reference_table\('([^']+)'\);$/.exec(s);
  if (r) return [{ table: r[1]!, kind: 'reference' }];
  if (functionCall.test(s)) return [];
  throw new Error(`unexpected statement: ${s}`);
});
/** create_distributed_function calls, and where they stand among the statements. */
const functionCalls = plan.statements.flatMap((s, at): (FunctionCall & { at: number })[] => {
  const f = functionCall.exec(s);
  return f ? [{ signature: f[1]!, argument: f[2]!, colocateWith: f[3]!, at }] : [];
});
const short = (blockers: Blocker[]) => blockers.map((b) => `${b.kind} ${b.table} ${b.object}`);

describe('Citus statements generated from the schema (npm run db:citus)', () => {
  it('covers every table the migrations create, and only those', () => {
    const created = new Set<string>();
    for (const file of readdirSync(path.join(root, 'db/migrations')).filter((f) => f.endsWith('.sql')))
      for (const [, name] of read(`db/migrations/${file}`).matchAll(/CREATE TABLE(?: IF NOT EXISTS)? "([^"]+)"/g)) created.add(name!);
    expect(new Set(calls.map((c) => c.table))).toEqual(created);
  });

  it('distributes every table with a tenant_id by it, all in one co-location group', () => {
    const tenantTables = tables.filter(hasTenant).map(nameOf).sort();
    const distributed = calls.flatMap((c) => (c.kind === 'distributed' ? [c] : []));
    expect(distributed.map((c) => c.table).sort()).toEqual(tenantTables);
    expect(tenantTables.length).toBeGreaterThan(40);
    for (const call of distributed) {
      expect(call.column).toBe(DISTRIBUTION_COLUMN);
      // The anchor opens the group; every other table joins it.
      expect(call.colocateWith).toBe(call.table === COLOCATION_ANCHOR ? 'none' : COLOCATION_ANCHOR);
    }
    expect(plan.colocationAnchor).toBe(COLOCATION_ANCHOR);
  });

  it('makes every table without a tenant_id a reference table, or names it local with a reason', () => {
    const platformTables = tables.filter((t) => !hasTenant(t)).map(nameOf).sort();
    expect(platformTables).toEqual(['tenants']);
    expect(calls.filter((c) => c.kind === 'reference').map((c) => c.table)).toEqual(platformTables);
    for (const local of LOCAL_TABLES) {
      expect(local.reason.length).toBeGreaterThan(20);
      expect(calls.map((c) => c.table)).not.toContain(local.table);
    }
  });

  it('handles every foreign key target before the table that references it', () => {
    const position = new Map(calls.map((c, i) => [c.table, i]));
    const referenced = new Set<string>();
    for (const table of tables)
      for (const fk of getTableConfig(table).foreignKeys) {
        const target = nameOf(fk.reference().foreignTable);
        referenced.add(target);
        if (target !== nameOf(table)) expect(position.get(target), `${nameOf(table)} → ${target}`).toBeLessThan(position.get(nameOf(table))!);
      }
    expect(referenced.size).toBeGreaterThan(5);
    // Citus distributes the anchor before the tables that name it in colocate_with.
    expect(position.get(COLOCATION_ANCHOR)).toBe(calls.findIndex((c) => c.kind === 'distributed'));
  });

  it('distributes the functions that take a tenant by it, after the tables they live with', () => {
    // The Idempotency-Key's claim, completion and release (db/policies.sql): one statement each,
    // which Citus delegates whole to the tenant's worker; there the function's own set_config
    // sets the tenant where the policy is evaluated.
    expect(functionCalls.map(({ at: _, ...f }) => f)).toEqual([
      { signature: 'idempotency_claim(uuid, text, text, integer, integer)', argument: 'p_tenant', colocateWith: 'idempotency_keys' },
      { signature: 'idempotency_complete(uuid, text, integer, text, text, text)', argument: 'p_tenant', colocateWith: 'idempotency_keys' },
      { signature: 'idempotency_release(uuid, text)', argument: 'p_tenant', colocateWith: 'idempotency_keys' },
      // The order number, taken inside the order's insert (a router query on the tenant's shard).
      { signature: 'take_order_number(uuid, uuid, date)', argument: 'p_tenant', colocateWith: 'order_counters' },
    ]);
    const distributedTables = new Set(calls.flatMap((c) => (c.kind === 'distributed' ? [c.table] : [])));
    for (const f of functionCalls) {
      expect(distributedTables.has(f.colocateWith)).toBe(true);
      expect(f.at).toBeGreaterThanOrEqual(calls.length); // every table is distributed first
      // The signature is the one Postgres knows (argument types only), so the call resolves on Citus.
      const name = f.signature.slice(0, f.signature.indexOf('('));
      expect(policiesSql).toMatch(new RegExp(`CREATE OR REPLACE FUNCTION ${name}\\(`));
    }
  });

  it('lists exactly the changes the schema needs before it runs on Citus', () => {
    // Keys and foreign keys already lead with tenant_id (DESIGN.md "Citus-ready keys"); what is left
    // is the dispatcher's cross-tenant claim and how withTenant sets the tenant.
    expect(short(plan.blockers)).toEqual([
      'cross-tenant-function outbox_events claim_outbox_batch(batch_size integer, lease_seconds integer)',
      // The webhook worker's "which tenants have deliveries due": a read-only DISTINCT over every shard (no FOR UPDATE), allowed on Citus.
      'cross-tenant-function webhook_deliveries webhook_tenants_due(due_at timestamptz, cap integer)',
      // The metrics' backlog count: a read-only aggregate, which Citus runs over every shard (once per scrape).
      'cross-tenant-function outbox_events outbox_backlog(cap integer)',
      "tenant-setting-not-propagated (every tenant table) set_config('app.tenant_id', …, true) in lib/platform/db.ts",
    ]);
    const sqlFile = renderPlan(plan);
    expect(sqlFile).toContain('Citus blockers: 4 change(s) needed first');
    expect(sqlFile.indexOf('BEGIN;')).toBeLessThan(sqlFile.indexOf('create_reference_table'));
  });
});

describe('what the Citus plan refuses', () => {
  const tenants = pgTable('tenants', { id: uuid('id').primaryKey(), slug: text('slug').notNull().unique() });
  const shops = pgTable('shops', { tenantId: uuid('tenant_id').notNull(), id: uuid('id').notNull() }, (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'shops_tenant_fk' }),
  ]);
  const ready = [tenants, shops];

  it('passes a schema whose keys all lead with tenant_id', () => {
    const p = planCitus(ready);
    expect(p.blockers).toEqual([]);
    expect(p.tables.map((t) => `${t.kind} ${t.table}`)).toEqual(['reference tenants', 'distributed shops']);
  });

  it('flags keys and unique indexes without tenant_id', () => {
    const tills = pgTable('tills', { tenantId: uuid('tenant_id').notNull(), id: uuid('id').primaryKey(), code: text('code').notNull(), serialNo: text('serial_no').notNull() }, (t) => [
      unique('tills_code_key').on(t.code),
      uniqueIndex('tills_serial_key').on(t.serialNo).where(sql`true`),
      uniqueIndex('tills_tenant_code_key').on(t.tenantId, t.code),
    ]);
    expect(short(planCitus([...ready, tills]).blockers)).toEqual(['key-without-tenant tills tills_pkey', 'key-without-tenant tills tills_code_key', 'key-without-tenant tills tills_serial_key']);
  });

  it('flags foreign keys between tenant tables that do not pair tenant_id, and rewrites of tenant_id', () => {
    const tills = pgTable('tills', { tenantId: uuid('tenant_id').notNull(), id: uuid('id').notNull(), shopId: uuid('shop_id') }, (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      // tenant_id at the same position on both sides is what Citus needs; its order in the key is free.
      foreignKey({ columns: [t.shopId, t.tenantId], foreignColumns: [shops.id, shops.tenantId], name: 'tills_shop_reordered_fk' }),
      foreignKey({ columns: [t.shopId, t.tenantId], foreignColumns: [shops.tenantId, shops.id], name: 'tills_shop_crossed_fk' }),
      foreignKey({ columns: [t.shopId], foreignColumns: [shops.id], name: 'tills_shop_only_fk' }),
      foreignKey({ columns: [t.tenantId, t.shopId], foreignColumns: [shops.tenantId, shops.id], name: 'tills_shop_fk' }).onDelete('set null'),
      foreignKey({ columns: [t.tenantId, t.shopId], foreignColumns: [shops.tenantId, shops.id], name: 'tills_shop_ok_fk' }).onDelete('cascade'),
    ]);
    expect(short(planCitus([...ready, tills]).blockers)).toEqual([
      'fk-between-distributed-without-tenant tills tills_shop_crossed_fk',
      'fk-between-distributed-without-tenant tills tills_shop_only_fk',
      'fk-action-on-tenant tills tills_shop_fk',
    ]);
  });

  it('flags foreign keys to tables outside the schema and from reference tables into tenant data', () => {
    const elsewhere = pgTable('elsewhere', { id: uuid('id').primaryKey() });
    const tills = pgTable('tills', { tenantId: uuid('tenant_id').notNull(), id: uuid('id').notNull(), otherId: uuid('other_id') }, (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      foreignKey({ columns: [t.otherId], foreignColumns: [elsewhere.id], name: 'tills_elsewhere_fk' }),
    ]);
    const featured = pgTable('featured_shops', { id: uuid('id').primaryKey(), tenantRef: uuid('tenant_ref'), shopId: uuid('shop_id') }, (t) => [
      foreignKey({ columns: [t.tenantRef, t.shopId], foreignColumns: [shops.tenantId, shops.id], name: 'featured_shop_fk' }),
    ]);
    expect(short(planCitus([...ready, tills, featured]).blockers)).toEqual([
      'fk-to-local-table tills tills_elsewhere_fk',
      'fk-from-reference-to-distributed featured_shops featured_shop_fk',
    ]);
  });

  it('flags sequences, identity columns and a tenant_id that is not a uuid', () => {
    const tickets = pgTable('tickets', { tenantId: uuid('tenant_id').notNull(), id: serial('id').notNull(), seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity() }, (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
    ]);
    const legacy = pgTable('legacy', { tenantId: integer('tenant_id').notNull(), id: uuid('id').notNull() }, (t) => [primaryKey({ columns: [t.tenantId, t.id] })]);
    expect(short(planCitus([...ready, tickets, legacy]).blockers)).toEqual(['sequence tickets id', 'sequence tickets seq', 'distribution-column-type legacy tenant_id']);
  });

  it('flags foreign-key cycles, which leave no table to distribute first', () => {
    const a = pgTable('a', { tenantId: uuid('tenant_id').notNull(), id: uuid('id').notNull(), bId: uuid('b_id') }, (t): PgTableExtraConfigValue[] => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      foreignKey({ columns: [t.tenantId, t.bId], foreignColumns: [b.tenantId, b.id], name: 'a_b_fk' }),
    ]);
    const b = pgTable('b', { tenantId: uuid('tenant_id').notNull(), id: uuid('id').notNull(), aId: uuid('a_id') }, (t): PgTableExtraConfigValue[] => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      foreignKey({ columns: [t.tenantId, t.aId], foreignColumns: [a.tenantId, a.id], name: 'b_a_fk' }),
    ]);
    expect(short(planCitus([...ready, a, b]).blockers)).toEqual(['fk-cycle a b', 'fk-cycle b a']);
  });

  it('flags functions that read tenant tables without a tenant argument, not those that take one', () => {
    const crossTenant = 'CREATE FUNCTION due_shops(n integer) RETURNS SETOF uuid LANGUAGE sql AS $$ SELECT id FROM shops LIMIT n $$;';
    const perTenant = 'CREATE FUNCTION shops_of(p_tenant_id uuid) RETURNS SETOF uuid LANGUAGE sql AS $$ SELECT id FROM shops WHERE tenant_id = p_tenant_id $$;';
    const platformOnly = 'CREATE FUNCTION slugs() RETURNS SETOF text LANGUAGE sql AS $body$ SELECT slug FROM tenants $body$;';
    const p = planCitus(ready, { policiesSql: [crossTenant, perTenant, platformOnly].join('\n') });
    expect(short(p.blockers)).toEqual(['cross-tenant-function shops due_shops(n integer)']);
    expect(p.statements.at(-1)).toBe("SELECT create_distributed_function('shops_of(uuid)', 'p_tenant_id', colocate_with => 'shops');");
  });

  it('flags a function that takes a tenant but has a statement that does not name it', () => {
    const body = (statements: string) =>
      `CREATE OR REPLACE FUNCTION close_shop(p_tenant uuid, p_id uuid) RETURNS void LANGUAGE plpgsql AS $$ BEGIN ${statements} END $$;`;
    const filtered = body(
      "PERFORM set_config('app.tenant_id', p_tenant::text, true); UPDATE shops s SET id = p_id WHERE s.tenant_id = p_tenant AND s.id = p_id; INSERT INTO shops (tenant_id, id) VALUES (p_tenant, p_id);",
    );
    expect(planCitus(ready, { policiesSql: filtered }).blockers).toEqual([]);
    const unfiltered = body('DELETE FROM shops WHERE id = p_id; INSERT INTO shops (id, tenant_id) SELECT p_id, tenant_id FROM shops LIMIT 1;');
    expect(short(planCitus(ready, { policiesSql: unfiltered }).blockers)).toEqual([
      'tenant-function-unfiltered shops close_shop(uuid, uuid)',
      'tenant-function-unfiltered shops close_shop(uuid, uuid)',
    ]);
  });

  it('flags a tenant set with set_config, not one set with SET LOCAL', () => {
    const policy = "predicate text := 'tenant_id = NULLIF(current_setting(''app.tenant_id'', true), '''')::uuid';";
    expect(short(planCitus(ready, { policiesSql: policy, tenantSetterSource: "sql`select set_config('app.tenant_id', ${id}, true)`" }).blockers)).toHaveLength(1);
    expect(planCitus(ready, { policiesSql: policy, tenantSetterSource: "sql.raw(`SET LOCAL app.tenant_id = '${id}'`)" }).blockers).toEqual([]);
  });
});
