import { is } from 'drizzle-orm';
import { getTableConfig, PgTable, type ForeignKey, type PgColumn } from 'drizzle-orm/pg-core';

/**
 * How the schema would go onto Citus (docs/scaling.md, "Past one Postgres"): every table with a
 * tenant_id is distributed by it in one co-location group, the rest are reference tables or stay
 * local, a function that takes a tenant is distributed by that argument, and what Citus would
 * refuse is listed, not hidden. Derived from drizzle's table metadata
 * and db/policies.sql, so a new table or key changes the plan (tests/db/citus-statements.test.ts).
 */
export const DISTRIBUTION_COLUMN = 'tenant_id';

/** Tables that exist but are not in db/schema, kept on the coordinator only, with why. */
export const LOCAL_TABLES: { table: string; reason: string }[] = [
  {
    table: 'drizzle.__drizzle_migrations',
    reason: "drizzle's migration journal (written by db/migrate.ts): only the coordinator runs migrations, the workers receive the DDL from Citus",
  },
];

/**
 * The table the co-location group is named after: one row per tenant, pointing at nothing but the
 * tenants registry. Any tenant table would do; a fixed one keeps the statements stable.
 */
export const COLOCATION_ANCHOR = 'tenant_settings';

export type BlockerKind =
  | 'key-without-tenant'
  | 'fk-between-distributed-without-tenant'
  | 'fk-to-local-table'
  | 'fk-from-reference-to-distributed'
  | 'fk-action-on-tenant'
  | 'sequence'
  | 'distribution-column-type'
  | 'fk-cycle'
  | 'cross-tenant-function'
  | 'tenant-function-unfiltered'
  | 'tenant-setting-not-propagated';

/** One thing Citus would refuse (or run differently), and the change it needs. */
export type Blocker = { kind: BlockerKind; table: string; object: string; problem: string; change: string };

export type TablePlan = { table: string; kind: 'reference' | 'distributed'; dependsOn: string[] };

export type CitusPlan = {
  /** In an order where every foreign key's target was handled before its source. */
  tables: TablePlan[];
  /** The table every distributed table is co-located with. */
  colocationAnchor: string | null;
  statements: string[];
  blockers: Blocker[];
};

type Key = { name: string; columns: string[]; what: string };

const columnNames = (columns: PgColumn[]) => columns.map((c) => c.name);
const qualified = (table: PgTable) => {
  const { schema, name } = getTableConfig(table);
  return schema && schema !== 'public' ? `${schema}.${name}` : name;
};
const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Every drizzle table in a schema module's exports (`import * as schema from '@/db/schema'`). */
export function tablesOf(schemaModule: Record<string, unknown>): PgTable[] {
  return Object.values(schemaModule).filter((v): v is PgTable => is(v, PgTable));
}

/** Primary keys, unique constraints and unique indexes: the keys Citus enforces per shard. */
function keysOf(table: PgTable): Key[] {
  const config = getTableConfig(table);
  const keys: Key[] = [];
  for (const column of config.columns) {
    if (column.primary) keys.push({ name: `${config.name}_pkey`, columns: [column.name], what: 'primary key' });
    if (column.isUnique) keys.push({ name: column.uniqueName ?? `${config.name}_${column.name}_unique`, columns: [column.name], what: 'unique constraint' });
  }
  for (const pk of config.primaryKeys) keys.push({ name: pk.getName(), columns: columnNames(pk.columns), what: 'primary key' });
  for (const u of config.uniqueConstraints) keys.push({ name: u.getName() ?? `${config.name}_unique`, columns: columnNames(u.columns), what: 'unique constraint' });
  for (const index of config.indexes) {
    if (!index.config.unique) continue;
    // An expression column has no name: it can never be the distribution column.
    const columns = index.config.columns.map((c) => (c && 'name' in c && typeof c.name === 'string' ? c.name : '(expression)'));
    keys.push({ name: index.config.name ?? `${config.name}_unique_idx`, columns, what: 'unique index' });
  }
  return keys;
}

const hasTenant = (table: PgTable) => getTableConfig(table).columns.some((c) => c.name === DISTRIBUTION_COLUMN);

/** What besides the drizzle schema the plan reads: db/policies.sql and lib/platform/db.ts (withTenant). */
export type PlanSources = { policiesSql?: string; tenantSetterSource?: string };

/**
 * The plan for `tables`. A function in `policiesSql` that touches distributed tables without
 * taking a tenant id reads across tenants, which on Citus is a multi-shard query (and its FOR
 * UPDATE is refused); how `tenantSetterSource` sets the tenant decides whether workers see it.
 */
export function planCitus(tables: PgTable[], { policiesSql = '', tenantSetterSource = '' }: PlanSources = {}): CitusPlan {
  const byName = new Map(tables.map((t) => [qualified(t), t]));
  const distributed = new Set([...byName].filter(([, t]) => hasTenant(t)).map(([n]) => n));
  // A table without tenant_id that a distributed table points at must be on every node.
  const reference = new Set<string>();
  for (const name of distributed)
    for (const fk of getTableConfig(byName.get(name)!).foreignKeys) {
      const target = qualified(fk.reference().foreignTable);
      if (!distributed.has(target) && byName.has(target)) reference.add(target);
    }
  // Platform tables nobody points at are reference tables too: the app joins them with tenant data.
  for (const name of byName.keys()) if (!distributed.has(name)) reference.add(name);

  const blockers: Blocker[] = [];
  for (const [name, table] of byName) {
    const config = getTableConfig(table);
    const isDistributed = distributed.has(name);
    if (isDistributed) {
      const tenantColumn = config.columns.find((c) => c.name === DISTRIBUTION_COLUMN)!;
      if (tenantColumn.getSQLType() !== 'uuid')
        blockers.push({
          kind: 'distribution-column-type',
          table: name,
          object: DISTRIBUTION_COLUMN,
          problem: `tenant_id is ${tenantColumn.getSQLType()}, the co-location group is keyed by uuid`,
          change: 'make tenant_id a uuid like every other tenant table',
        });
      for (const key of keysOf(table))
        if (!key.columns.includes(DISTRIBUTION_COLUMN))
          blockers.push({
            kind: 'key-without-tenant',
            table: name,
            object: key.name,
            problem: `${key.what} (${key.columns.join(', ')}) does not include tenant_id: a shard cannot enforce it across tenants`,
            change: `put tenant_id first in ${key.name}`,
          });
    }
    for (const column of config.columns) {
      const serial = /serial$/i.test(column.getSQLType());
      if (!serial && !column.generatedIdentity) continue;
      blockers.push({
        kind: 'sequence',
        table: name,
        object: column.name,
        problem: `${column.name} is ${serial ? column.getSQLType() : 'an identity column'}: ${
          isDistributed ? 'on a distributed table every node draws from its own range, and only bigint ones work from the workers' : 'a reference table cannot take a sequence default from the workers'
        }`,
        change: `give ${column.name} a uuid default (gen_random_uuid()) or a per-tenant counter row`,
      });
    }
    for (const fk of config.foreignKeys) blockers.push(...foreignKeyBlockers(name, fk, { distributed, reference, byName }));
  }

  const preferred = distributed.has(COLOCATION_ANCHOR) ? COLOCATION_ANCHOR : undefined;
  const order = dependencyOrder(byName, blockers, preferred);
  const anchor = preferred ?? order.find((n) => distributed.has(n)) ?? null;
  const statements: string[] = order.map((name) =>
    distributed.has(name)
      ? `SELECT create_distributed_table(${quote(name)}, ${quote(DISTRIBUTION_COLUMN)}, colocate_with => ${quote(name === anchor ? 'none' : anchor!)});`
      : `SELECT create_reference_table(${quote(name)});`,
  );
  const perTenant = tenantFunctions(policiesSql, distributed);
  // After the tables: a function is co-located with a table that must already be distributed.
  statements.push(...perTenant.statements);
  blockers.push(...crossTenantFunctions(policiesSql, distributed), ...perTenant.blockers, ...tenantSettingBlockers(policiesSql, tenantSetterSource));

  return {
    tables: order.map((name) => ({
      table: name,
      kind: distributed.has(name) ? 'distributed' : 'reference',
      dependsOn: [...new Set(getTableConfig(byName.get(name)!).foreignKeys.map((fk) => qualified(fk.reference().foreignTable)))].filter((t) => t !== name).sort(),
    })),
    colocationAnchor: anchor,
    statements,
    blockers,
  };
}

function foreignKeyBlockers(
  name: string,
  fk: ForeignKey,
  { distributed, reference, byName }: { distributed: Set<string>; reference: Set<string>; byName: Map<string, PgTable> },
): Blocker[] {
  const ref = fk.reference();
  const target = qualified(ref.foreignTable);
  const from = columnNames(ref.columns);
  const to = columnNames(ref.foreignColumns);
  const fkName = fk.getName();
  const blocker = (kind: BlockerKind, problem: string, change: string): Blocker => ({ kind, table: name, object: fkName, problem, change });
  const fromDistributed = distributed.has(name);
  if (!byName.has(target))
    return [blocker('fk-to-local-table', `references ${target}, which is not in the schema and would stay on the coordinator only`, `make ${target} a reference table or drop ${fkName}`)];
  if (!fromDistributed && distributed.has(target))
    return [blocker('fk-from-reference-to-distributed', `the reference table ${name} points into the distributed table ${target}`, `add tenant_id to ${name} (distribute it) or drop ${fkName}`)];
  if (!fromDistributed) return [];
  if (distributed.has(target)) {
    const i = from.indexOf(DISTRIBUTION_COLUMN);
    const found: Blocker[] = [];
    if (i < 0 || to[i] !== DISTRIBUTION_COLUMN)
      found.push(
        blocker(
          'fk-between-distributed-without-tenant',
          `(${from.join(', ')}) → ${target}(${to.join(', ')}) does not pair tenant_id with tenant_id: the two rows could sit on different shards`,
          `reference ${target} by (tenant_id, …) on both sides`,
        ),
      );
    found.push(...actionBlockers(fk, from, blocker));
    return found;
  }
  if (!reference.has(target)) return [];
  return actionBlockers(fk, from, blocker);
}

/** Citus refuses SET NULL / SET DEFAULT (and ON UPDATE CASCADE) when the key holds the distribution column. */
function actionBlockers(fk: ForeignKey, from: string[], blocker: (kind: BlockerKind, problem: string, change: string) => Blocker): Blocker[] {
  if (!from.includes(DISTRIBUTION_COLUMN)) return [];
  const found: Blocker[] = [];
  const onDelete = fk.onDelete ?? 'no action';
  const onUpdate = fk.onUpdate ?? 'no action';
  if (onDelete === 'set null' || onDelete === 'set default')
    found.push(blocker('fk-action-on-tenant', `ON DELETE ${onDelete.toUpperCase()} would rewrite tenant_id`, 'use NO ACTION, CASCADE, or ON DELETE SET NULL (the non-tenant columns) in SQL'));
  if (onUpdate === 'set null' || onUpdate === 'set default' || onUpdate === 'cascade')
    found.push(blocker('fk-action-on-tenant', `ON UPDATE ${onUpdate.toUpperCase()} would rewrite tenant_id`, 'use ON UPDATE NO ACTION (ids never change)'));
  return found;
}

/** Kahn's order over foreign keys, ties broken by name so the output is stable. A cycle is a blocker. */
function dependencyOrder(byName: Map<string, PgTable>, blockers: Blocker[], anchor?: string): string[] {
  const deps = new Map<string, Set<string>>();
  for (const [name, table] of byName)
    deps.set(name, new Set(getTableConfig(table).foreignKeys.map((fk) => qualified(fk.reference().foreignTable)).filter((t) => t !== name && byName.has(t))));
  const order: string[] = [];
  const done = new Set<string>();
  // Reference tables first (a distributed table's foreign key to one needs it in place), then the
  // anchor, which the others name in colocate_with.
  const rank = (n: string) => (!hasTenant(byName.get(n)!) ? 0 : n === anchor ? 1 : 2);
  for (;;) {
    const ready = [...deps].filter(([n, d]) => !done.has(n) && [...d].every((x) => done.has(x))).map(([n]) => n);
    if (ready.length === 0) break;
    ready.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    const next = ready[0]!;
    order.push(next);
    done.add(next);
  }
  const stuck = [...byName.keys()].filter((n) => !done.has(n)).sort();
  for (const name of stuck)
    blockers.push({
      kind: 'fk-cycle',
      table: name,
      object: [...deps.get(name)!].filter((d) => !done.has(d)).join(', '),
      problem: 'its foreign keys form a cycle: no table in it can be distributed first',
      change: 'break the cycle (drop one foreign key, add it back after distributing)',
    });
  return [...order, ...stuck];
}

const FUNCTION = /CREATE\s+(?:OR\s+REPLACE\s+)?FUNCTION\s+([\w.]+)\s*\(([^)]*)\)([\s\S]*?)\$(\w*)\$([\s\S]*?)\$\4\$/gi;
const tablesIn = (text: string, distributed: Set<string>) =>
  [...text.matchAll(/\b(?:FROM|JOIN|UPDATE|INTO)\s+([\w.]+)/gi)].map((m) => m[1]!).filter((t) => distributed.has(t));

/**
 * CREATE FUNCTIONs in `sql` whose body reads or writes a distributed table and whose arguments
 * carry no tenant id: on one Postgres they are a single scan, on Citus a query over every shard.
 */
export function crossTenantFunctions(sql: string, distributed: Set<string>): Blocker[] {
  const found: Blocker[] = [];
  for (const [, name, args, , , body] of sql.matchAll(FUNCTION)) {
    if (/tenant/i.test(args!)) continue;
    const touched = tablesIn(body!, distributed);
    if (touched.length === 0) continue;
    const tables = [...new Set(touched)].sort();
    const locks = /FOR\s+UPDATE/i.test(body!);
    found.push({
      kind: 'cross-tenant-function',
      table: tables.join(', '),
      object: `${name}(${args!.trim()})`,
      problem: `reads ${tables.join(', ')} across every tenant${locks ? ' with FOR UPDATE SKIP LOCKED, which Citus refuses on a multi-shard query' : ', a query over every shard'}`,
      change: `take the tenant (or shard) as an argument and distribute the function: create_distributed_function('${name}(uuid, …)', 'tenant_id', colocate_with => '${tables[0]}'); the caller loops over tenants with due work`,
    });
  }
  return found;
}

/**
 * CREATE FUNCTIONs in `sql` that take a tenant id (a uuid argument named for the tenant) and touch
 * distributed tables: each becomes a distributed function, co-located with the tenant tables and
 * distributed by that argument, so a call (one statement, outside a transaction block) is
 * delegated whole to the worker holding the tenant's shard and its statements run there, as
 * router queries. That needs every statement in it on a distributed table to name the tenant:
 * `tenant_id = <argument>` in its WHERE, or the argument among an INSERT's values — one that does
 * not is a blocker (it would reach past the tenant's shard from inside the worker).
 */
export function tenantFunctions(sql: string, distributed: Set<string>): { statements: string[]; blockers: Blocker[] } {
  const statements: string[] = [];
  const blockers: Blocker[] = [];
  for (const [, name, args, , , body] of sql.matchAll(FUNCTION)) {
    const params = args!.split(',').map((a) => a.trim()).filter(Boolean).map((a) => {
      const [argName, ...type] = a.replace(/\s+DEFAULT\s[\s\S]*$/i, '').split(/\s+/);
      return { name: argName!, type: type.join(' ') };
    });
    const tenant = params.find((p) => /tenant/i.test(p.name) && p.type.toLowerCase() === 'uuid');
    const tables = [...new Set(tablesIn(body!, distributed))].sort();
    if (!tenant || tables.length === 0) continue;
    const signature = `${name}(${params.map((p) => p.type).join(', ')})`;
    statements.push(`SELECT create_distributed_function(${quote(signature)}, ${quote(tenant.name)}, colocate_with => ${quote(tables[0]!)});`);
    const byTenant = new RegExp(`\\btenant_id\\s*=\\s*${tenant.name}\\b`, 'i');
    const namesTenant = new RegExp(`\\b${tenant.name}\\b`);
    for (const statement of body!.split(';')) {
      const touched = tablesIn(statement, distributed);
      if (touched.length === 0) continue;
      const insert = /\bINSERT\s+INTO\b/i.test(statement);
      if (insert ? /\btenant_id\b/.test(statement) && namesTenant.test(statement) : byTenant.test(statement)) continue;
      blockers.push({
        kind: 'tenant-function-unfiltered',
        table: [...new Set(touched)].sort().join(', '),
        object: signature,
        problem: `a statement on ${touched.join(', ')} does not ${insert ? `insert tenant_id from ${tenant.name}` : `filter by tenant_id = ${tenant.name}`} (${statement.replace(/\s+/g, ' ').trim().slice(0, 80)}…): run on the tenant's worker it would reach other shards`,
        change: `add tenant_id = ${tenant.name} to it`,
      });
    }
  }
  return { statements, blockers };
}

/**
 * The tenant policy (db/policies.sql) reads `current_setting('app.tenant_id')`, and on Citus the
 * workers evaluate it. Citus forwards a transaction's `SET LOCAL` to the workers (with
 * citus.propagate_set_commands = 'local') but not a `set_config(...)` call, so a tenant set that
 * way reaches no shard and every tenant query sees no rows. `setterSource` is lib/platform/db.ts.
 */
export function tenantSettingBlockers(policiesSql: string, setterSource: string): Blocker[] {
  if (!/current_setting\(\s*'{1,2}app\.tenant_id'/.test(policiesSql)) return [];
  if (!/set_config\(\s*'app\.tenant_id'/.test(setterSource)) return [];
  return [
    {
      kind: 'tenant-setting-not-propagated',
      table: '(every tenant table)',
      object: "set_config('app.tenant_id', …, true) in lib/platform/db.ts",
      problem: 'Citus does not forward set_config() to the workers, where the tenant_isolation policy is evaluated: tenant queries would return no rows',
      change: "set the tenant (and role) with SET LOCAL app.tenant_id = '<uuid>' / SET LOCAL ROLE tillwise_app, and set citus.propagate_set_commands = 'local' for the app role",
    },
  ];
}

/** The SQL file `npm run db:citus` prints: needed changes first (as comments), then the statements. */
export function renderPlan(plan: CitusPlan): string {
  const lines = [
    '-- Generated by `npm run db:citus` from db/schema and db/policies.sql. Run on the Citus coordinator',
    '-- after migrations (docs/scaling.md, "Past one Postgres"). Reference tables first, then every tenant',
    `-- table distributed by tenant_id and co-located with ${plan.colocationAnchor ?? '(none)'}, in foreign-key order; then`,
    '-- each function of db/policies.sql that takes a tenant, distributed by it (a call runs on the tenant\'s worker).',
    '--',
    ...LOCAL_TABLES.map((l) => `-- Stays local (coordinator only): ${l.table} — ${l.reason}.`),
    '--',
  ];
  if (plan.blockers.length === 0) lines.push('-- Citus blockers: none.');
  else {
    lines.push(`-- Citus blockers: ${plan.blockers.length} change(s) needed first:`);
    for (const b of plan.blockers) lines.push(`--   [${b.kind}] ${b.table} ${b.object}: ${b.problem}.`, `--       change: ${b.change}.`);
  }
  lines.push(
    '',
    'BEGIN;',
    '-- One transaction: a failure leaves the schema as it was. Sequential mode lets a transaction that',
    '-- already touched the reference table distribute tables with foreign keys to it.',
    "SET LOCAL citus.multi_shard_modify_mode TO 'sequential';",
    ...plan.statements,
    'COMMIT;',
    '',
  );
  return lines.join('\n');
}
