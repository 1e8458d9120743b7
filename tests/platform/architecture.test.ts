import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { imports, isClient, readSource, sourceFiles } from '../source-files';

/**
 * db/ is the ground floor (schema, migrations, policies, client): it imports nothing from the
 * floors above, so the arrows only go down (app → components → lib → db).
 */
function groundFloorOffenders(files: string[], importsOf: (file: string) => string[]): string[] {
  const above = /^(@\/|(\.\.\/)+)(lib|app|components)(\/|$)/;
  return files.filter((f) => f.startsWith('db/') && importsOf(f).some((i) => above.test(i)));
}

const all = [...sourceFiles('app'), ...sourceFiles('lib'), ...sourceFiles('components'), ...sourceFiles('db'), 'proxy.ts'];

/** The repository path an import names ('lib/auth/current'), or null for a package. */
function target(file: string, spec: string): string | null {
  if (spec.startsWith('@/')) return spec.slice(2);
  if (spec.startsWith('.')) return path.posix.join(path.posix.dirname(file), spec);
  return null;
}
const moduleOf = (p: string) => /^lib\/([^/]+)(\/|$)/.exec(p)?.[1] ?? null;

/**
 * Who may import whom inside lib/. Every module may import the floor, lib/platform, which imports
 * no module; lib/server is the composition root (start-up, jobs) and may import any module. Nothing
 * imports orders but analytics (through its sales read model), app/ and the composition root; analytics
 * sits on top and nothing imports it but those two. Keep docs/architecture.md in step.
 */
const MODULE_GRAPH: Record<string, string[]> = {
  platform: [],
  tenancy: [],
  events: [],
  payments: [],
  customers: ['auth', 'events'],
  auth: ['tenancy', 'events'],
  storage: [],
  catalog: ['auth', 'storage'],
  inventory: ['auth', 'catalog', 'events'],
  restaurant: ['auth', 'catalog', 'events'],
  orders: ['auth', 'catalog', 'customers', 'events', 'inventory', 'payments', 'restaurant', 'tenancy'],
  analytics: ['auth', 'catalog', 'events', 'orders', 'tenancy'],
  assistant: ['analytics', 'auth', 'catalog', 'events', 'inventory', 'orders', 'restaurant', 'tenancy'],
  onboarding: ['auth', 'catalog', 'inventory', 'orders', 'restaurant', 'tenancy'],
  webhooks: ['auth', 'events', 'tenancy'],
};
const COMPOSITION_ROOT = 'server';

function moduleGraphOffenders(files: string[], importsOf: (file: string) => string[]): string[] {
  return files.flatMap((f) => {
    const from = moduleOf(f);
    if (!from || from === COMPOSITION_ROOT) return [];
    const allowed = MODULE_GRAPH[from];
    return importsOf(f)
      .map((i) => moduleOf(target(f, i) ?? ''))
      .filter((to): to is string => !!to && to !== from && to !== 'platform' && !allowed?.includes(to))
      .map((to) => `${f} → ${to}`);
  });
}

/**
 * Files a client component (or the proxy, which must stay light) may import from a module
 * directly: they import nothing that touches the database, Redis or secrets. Everything else
 * goes through the module's front door, lib/<m>/index.ts, which client code may only `import type`.
 */
const CLIENT_SAFE = new Set(['lib/auth/pin-verifier', 'lib/catalog/labels', 'lib/inventory/schemas', 'lib/orders/arithmetic', 'lib/restaurant/availability', 'lib/tenancy/host']);

/**
 * Outside lib/<m>/, import only `@/lib/<m>` (its index.ts). Exceptions on purpose: lib/platform
 * is the floor and its files are imported directly, lib/server (the composition root) is no module;
 * client components and the proxy may import the CLIENT_SAFE files. Tests are not part of the house and may reach deep paths.
 */
function frontDoorOffenders(files: string[], importsOf: (file: string) => string[], isClient: (file: string) => boolean): string[] {
  return files.flatMap((f) =>
    importsOf(f)
      .map((i) => target(f, i))
      .filter((t): t is string => {
        const m = t && moduleOf(t);
        if (!t || !m || m === 'platform' || m === COMPOSITION_ROOT || m === moduleOf(f) || t === `lib/${m}` || t === `lib/${m}/index`) return false;
        return !(isClient(f) && CLIENT_SAFE.has(t));
      })
      .map((t) => `${f} → ${t}`),
  );
}

/** A module reads and writes only its own tables, db/schema/<m>.ts; another module's data comes through that module's functions. */
function tableOwnershipOffenders(files: string[], importsOf: (file: string) => string[]): string[] {
  return files.flatMap((f) => {
    const m = moduleOf(f);
    if (!m || m === COMPOSITION_ROOT) return [];
    return importsOf(f)
      .map((i) => target(f, i))
      .filter((t): t is string => !!t && t.startsWith('db/schema') && t !== `db/schema/${m}`)
      .map((t) => `${f} → ${t}`);
  });
}

/**
 * The floors above db/ read top-down: app → components → lib. A component gets the server
 * actions it calls as props from its page, so no arrow runs back up into app/.
 */
function upwardOffenders(files: string[], importsOf: (file: string) => string[]): string[] {
  const floor = (p: string) => ['lib', 'components', 'app'].indexOf(p.split('/')[0]!);
  return files.flatMap((f) =>
    importsOf(f)
      .map((i) => target(f, i))
      .filter((t): t is string => !!t && floor(f) >= 0 && floor(t) > floor(f))
      .map((t) => `${f} → ${t}`),
  );
}

/**
 * A context made without a request (contextFor: seeds, the bench, tests) would let a page or
 * an action act for someone nobody signed in as; app/ and components/ get theirs from resolveStaff.
 */
const requestlessContextOffenders = (files: string[], sourceOf: (file: string) => string) =>
  files.filter((f) => /^(app|components)\//.test(f) && /\bcontextFor\b/.test(sourceOf(f)));

/**
 * A request made with an API key acts with its scopes, not a role (lib/auth/permissions.ts ›
 * Principal): lib/ and the API's handlers check `can(ctx, …)`, never `can(ctx.role, …)` or any
 * `.role` of a context, which for a key is only a placeholder. Pages (session only) may.
 */
const roleCheckOffenders = (files: string[], sourceOf: (file: string) => string) =>
  files.filter((f) => /^(lib\/|app\/api\/)/.test(f) && /\b(can|seesCosts|costsShownTo)\(\s*\w*[cC]tx\.role\b/.test(sourceOf(f)));

/**
 * callTenantFunction (lib/platform/db.ts) runs one statement with no transaction and no tenant of
 * its own: each function it may call (its TenantFunction type) must be one of db/policies.sql
 * that takes the tenant first, runs as its caller (SECURITY INVOKER: RLS stays in force) and
 * sets role and tenant transaction-locally before anything else.
 */
function tenantFunctionOffenders(names: string[], policiesSql: string): string[] {
  const defined = new Map(
    [...policiesSql.matchAll(/CREATE\s+(?:OR\s+REPLACE\s+)?FUNCTION\s+(\w+)\s*\(([^)]*)\)([\s\S]*?)\$(\w*)\$([\s\S]*?)\$\4\$/gi)].map((m) => [
      m[1]!,
      { args: m[2]!, head: m[3]!, body: m[5]! },
    ]),
  );
  return names.flatMap((name) => {
    const fn = defined.get(name);
    if (!fn) return [`${name}: not in db/policies.sql`];
    const tenant = /^\s*(\w+)\s+uuid\b/.exec(fn.args)?.[1];
    if (!tenant) return [`${name}: its first argument is not the tenant (uuid)`];
    const problems: string[] = [];
    if (!/\bSECURITY\s+INVOKER\b/i.test(fn.head) || /\bSECURITY\s+DEFINER\b/i.test(fn.head)) problems.push(`${name}: not SECURITY INVOKER`);
    const first = /^\s*(?:DECLARE[\s\S]*?)?BEGIN\s+([^;]*);/i.exec(fn.body)?.[1] ?? '';
    const sets = `PERFORM set_config('role', 'tillwise_app', true), set_config('app.tenant_id', ${tenant}::text, true)`;
    if (first.replace(/\s+/g, ' ').trim() !== sets) problems.push(`${name}: does not begin with ${sets}`);
    return problems;
  });
}

/** Value imports only: `import type` is erased, so a client component may take types from any door. */
const valueImports = (file: string) =>
  [...readSource(file).matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]!);
const house = [...sourceFiles('app'), ...sourceFiles('lib'), ...sourceFiles('components'), 'proxy.ts', 'instrumentation.ts'];

describe('architecture rules', () => {
  it('only the tenant/platform helpers and migrations reach the raw database handle', () => {
    const allowed = new Set(['lib/platform/db.ts', 'db/migrate.ts']);
    const offenders = all.filter((f) => !allowed.has(f) && imports(f).some((i) => i === '@/db/client' || i === './client'));
    expect(offenders).toEqual([]);
  });

  it('lets callTenantFunction call only functions that set their own tenant, as the caller', () => {
    const union = /export type TenantFunction =([^;]+);/.exec(readSource('lib/platform/db.ts'))?.[1] ?? '';
    const names = [...union.matchAll(/'(\w+)'/g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(0);
    expect(tenantFunctionOffenders(names, readSource('db/policies.sql'))).toEqual([]);
  });

  it('catches a tenant function that would run without its tenant or past RLS (planted violations)', () => {
    const begin = "BEGIN PERFORM set_config('role', 'tillwise_app', true), set_config('app.tenant_id', p_tenant::text, true); DELETE FROM t; END";
    const planted = [
      `CREATE FUNCTION ok(p_tenant uuid, p_key text) RETURNS void LANGUAGE plpgsql SECURITY INVOKER AS $$ DECLARE n int; ${begin} $$;`,
      `CREATE FUNCTION definer(p_tenant uuid) RETURNS void LANGUAGE plpgsql SECURITY DEFINER AS $$ ${begin} $$;`,
      "CREATE FUNCTION late(p_tenant uuid) RETURNS void LANGUAGE plpgsql SECURITY INVOKER AS $$ BEGIN DELETE FROM t; PERFORM set_config('app.tenant_id', p_tenant::text, true); END $$;",
      `CREATE OR REPLACE FUNCTION keyfirst(p_key text, p_tenant uuid) RETURNS void LANGUAGE plpgsql SECURITY INVOKER AS $$ ${begin} $$;`,
      "CREATE FUNCTION session(p_tenant uuid) RETURNS void LANGUAGE plpgsql SECURITY INVOKER AS $$ BEGIN PERFORM set_config('role', 'tillwise_app', false), set_config('app.tenant_id', p_tenant::text, false); END $$;",
    ].join('\n');
    expect(tenantFunctionOffenders(['ok', 'definer', 'late', 'keyfirst', 'session', 'missing'], planted)).toEqual([
      'definer: not SECURITY INVOKER',
      "late: does not begin with PERFORM set_config('role', 'tillwise_app', true), set_config('app.tenant_id', p_tenant::text, true)",
      'keyfirst: its first argument is not the tenant (uuid)',
      "session: does not begin with PERFORM set_config('role', 'tillwise_app', true), set_config('app.tenant_id', p_tenant::text, true)",
      'missing: not in db/policies.sql',
    ]);
  });

  it('keeps db/ free of imports from lib/, app/ and components/', () => {
    expect(groundFloorOffenders(sourceFiles('db'), imports)).toEqual([]);
  });

  it('catches a db/ file that reaches up (planted violations)', () => {
    const planted: Record<string, string[]> = {
      'db/client.ts': ['@/lib/platform/config'],
      'db/schema/orders.ts': ['../../app/api/v1/orders/route'],
      'db/migrate.ts': ['@/components/ui/button', './client'],
      'db/schema/catalog.ts': ['drizzle-orm/pg-core', './tenants', '@/db/schema/tenants'],
      'lib/catalog/service.ts': ['@/lib/platform/config'],
    };
    expect(groundFloorOffenders(Object.keys(planted), (f) => planted[f]!)).toEqual(['db/client.ts', 'db/schema/orders.ts', 'db/migrate.ts']);
  });

  it('keeps SQL and tables out of app/ and components/ (they call module functions)', () => {
    const offenders = [...sourceFiles('app'), ...sourceFiles('components')].filter((f) =>
      imports(f).some((i) => i.startsWith('drizzle-orm') || i.startsWith('@/db/') || i === 'postgres' || i.startsWith('@electric-sql')),
    );
    expect(offenders).toEqual([]);
  });

  it('never lets platform code depend on a domain module', () => {
    const offenders = sourceFiles('lib/platform').filter((f) => imports(f).some((i) => /^@\/lib\/(?!platform\/)/.test(i)));
    expect(offenders).toEqual([]);
  });

  it('keeps every lib/ module to its place in the module graph', () => {
    expect(sourceFiles('lib').map(moduleOf).filter((m) => m !== COMPOSITION_ROOT && !(m! in MODULE_GRAPH))).toEqual([]);
    expect(moduleGraphOffenders(house, imports)).toEqual([]);
  });

  it('catches an arrow that runs back up the module graph (planted violations)', () => {
    const planted: Record<string, string[]> = {
      'lib/payments/records.ts': ['@/lib/orders'],
      'lib/inventory/stock.ts': ['../orders/orders', '@/lib/catalog', '@/lib/platform/db'],
      'lib/platform/jobs.ts': ['@/lib/tenancy'],
      'lib/orders/shifts.ts': ['@/lib/payments', '@/lib/inventory', './orders'],
      'lib/server/startup.ts': ['@/lib/orders', '@/lib/tenancy'],
      'app/page.tsx': ['@/lib/orders'],
    };
    expect(moduleGraphOffenders(Object.keys(planted), (f) => planted[f]!)).toEqual([
      'lib/payments/records.ts → orders',
      'lib/inventory/stock.ts → orders',
      'lib/platform/jobs.ts → tenancy',
    ]);
  });

  it('enters a module only through its front door (index.ts), but for the named client-safe files', () => {
    expect(frontDoorOffenders(house, imports, isClient)).toEqual([]);
  });

  it('lets client code take values only from client-safe files and the platform floor', () => {
    const offenders = house.filter(isClient).flatMap((f) =>
      valueImports(f)
        .map((i) => target(f, i))
        .filter((t): t is string => !!t && !!moduleOf(t) && moduleOf(t) !== 'platform' && !CLIENT_SAFE.has(t))
        .map((t) => `${f} → ${t}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps the client-safe files free of server code', () => {
    // money and issue-words (a refinement's catalogue key, docs/i18n.md › Errors on forms) are client-safe platform helpers.
    const server = /^(@\/db\/|drizzle-orm|postgres$|@electric-sql|@upstash|next\/headers|next-auth|node:)|^@\/lib\/(?!platform\/(money|issue-words)$)/;
    const offenders = [...CLIENT_SAFE, 'lib/platform/money', 'lib/platform/issue-words'].filter((f) => imports(`${f}.ts`).some((i) => server.test(i)));
    expect(offenders).toEqual([]);
  });

  it('catches a deep import past a front door (planted violations)', () => {
    const planted: Record<string, string[]> = {
      'app/admin/page.tsx': ['@/lib/auth/current', '@/lib/auth', '@/lib/platform/money'],
      'components/register/product-grid.tsx': ['@/lib/catalog/labels', '@/lib/catalog/service'],
      'components/admin/orders-table.tsx': ['@/lib/catalog/labels'],
      'lib/orders/shifts.ts': ['@/lib/payments/records', '../inventory/stock', './orders', '@/lib/inventory/index'],
      'proxy.ts': ['@/lib/tenancy/host'],
    };
    const client = new Set(['components/register/product-grid.tsx', 'proxy.ts']);
    expect(frontDoorOffenders(Object.keys(planted), (f) => planted[f]!, (f) => client.has(f))).toEqual([
      'app/admin/page.tsx → lib/auth/current',
      'components/register/product-grid.tsx → lib/catalog/service',
      'components/admin/orders-table.tsx → lib/catalog/labels',
      'lib/orders/shifts.ts → lib/payments/records',
      'lib/orders/shifts.ts → lib/inventory/stock',
    ]);
  });

  it('keeps components below app/ and lib/ below both', () => {
    expect(upwardOffenders(house, imports)).toEqual([]);
  });

  it('catches an arrow that runs back up a floor (planted violations)', () => {
    const planted: Record<string, string[]> = {
      'components/admin/settings-form.tsx': ['@/app/t/[tenant]/admin/settings/actions', '@/components/ui/button', '@/lib/auth'],
      'components/register/shift/types.ts': ['../../../app/t/[tenant]/register/shift/actions'],
      'lib/orders/receipt.ts': ['@/components/register/orders/format'],
      'app/t/[tenant]/admin/settings/page.tsx': ['./actions', '@/components/admin/settings-form', '@/lib/tenancy'],
    };
    expect(upwardOffenders(Object.keys(planted), (f) => planted[f]!)).toEqual([
      'components/admin/settings-form.tsx → app/t/[tenant]/admin/settings/actions',
      'components/register/shift/types.ts → app/t/[tenant]/register/shift/actions',
      'lib/orders/receipt.ts → components/register/orders/format',
    ]);
  });

  it('keeps each module to its own tables', () => {
    expect(tableOwnershipOffenders(house, imports)).toEqual([]);
  });

  it('catches a module reading another module\'s tables (planted violations)', () => {
    const planted: Record<string, string[]> = {
      'lib/orders/shifts.ts': ['@/db/schema/orders', '@/db/schema/payments'],
      'lib/catalog/postgres/products.ts': ['../../../db/schema/catalog'],
      'lib/inventory/stock.ts': ['@/db/schema'],
      'lib/payments/records.ts': ['@/db/schema/payments'],
    };
    expect(tableOwnershipOffenders(Object.keys(planted), (f) => planted[f]!)).toEqual([
      'lib/orders/shifts.ts → db/schema/payments',
      'lib/inventory/stock.ts → db/schema',
    ]);
  });

  it('marks every module door and the database helper server-only, so a client bundle that reaches one fails to build', () => {
    const doors = [...Object.keys(MODULE_GRAPH).filter((m) => m !== 'platform').map((m) => `lib/${m}/index.ts`), 'lib/platform/db.ts'];
    expect(doors.filter((f) => !readSource(f).startsWith("import 'server-only';"))).toEqual([]);
  });

  it('gives app/ and components/ a context only from resolveStaff', () => {
    expect(requestlessContextOffenders(house, (f) => readSource(f))).toEqual([]);
  });

  it('checks an API key by its scopes: lib/ and app/api ask can(ctx, …), never of ctx.role', () => {
    expect(roleCheckOffenders(house, (f) => readSource(f))).toEqual([]);
  });

  it('catches a permission check on a context’s role (planted violations)', () => {
    const planted: Record<string, string> = {
      'lib/orders/x.ts': "if (!can(ctx.role, 'order:void')) throw x;",
      'app/api/v1/x/route.ts': 'return costsShownTo(ctx.role, res);',
      'lib/catalog/y.ts': "const ok = can(ctx, 'catalog:write');",
      'app/t/[tenant]/admin/page.tsx': "const canWrite = can(ctx.role, 'catalog:write');",
    };
    expect(roleCheckOffenders(Object.keys(planted), (f) => planted[f]!)).toEqual(['lib/orders/x.ts', 'app/api/v1/x/route.ts']);
  });

  it('catches a context made without a request (planted violations)', () => {
    const planted: Record<string, string> = {
      'app/t/[tenant]/admin/page.tsx': "import { contextFor } from '@/lib/auth';",
      'components/admin/x.tsx': 'const ctx = contextFor(tenant, owner);',
      'scripts/seed/seed.ts': 'const ctx = contextFor(tenant, ownerRow);',
      'app/t/[tenant]/register/(sale)/page.tsx': 'const ctx = await requireStaff();',
    };
    expect(requestlessContextOffenders(Object.keys(planted), (f) => planted[f]!)).toEqual(['app/t/[tenant]/admin/page.tsx', 'components/admin/x.tsx']);
  });
});
