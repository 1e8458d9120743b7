import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx)$/.test(name) ? [rel] : [];
  });
}

const imports = (file: string) =>
  [...readFileSync(path.join(root, file), 'utf8').matchAll(/from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].map((m) => m[1] ?? m[2]!);

/**
 * db/ is the ground floor (schema, migrations, policies, client): it imports nothing from the
 * floors above, so the arrows only go down (app → components → lib → db).
 */
function groundFloorOffenders(files: string[], importsOf: (file: string) => string[]): string[] {
  const above = /^(@\/|(\.\.\/)+)(lib|app|components)(\/|$)/;
  return files.filter((f) => f.startsWith('db/') && importsOf(f).some((i) => above.test(i)));
}

const all = [...sourceFiles('app'), ...sourceFiles('lib'), ...sourceFiles('components'), ...sourceFiles('db'), 'proxy.ts'];

describe('architecture rules', () => {
  it('only the tenant/platform helpers and migrations reach the raw database handle', () => {
    const allowed = new Set(['lib/platform/db.ts', 'db/migrate.ts']);
    const offenders = all.filter((f) => !allowed.has(f) && imports(f).some((i) => i === '@/db/client' || i === './client'));
    expect(offenders).toEqual([]);
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
    const offenders = sourceFiles('lib/platform').filter((f) =>
      imports(f).some((i) => /^@\/lib\/(?!platform\/)/.test(i) && !(f === 'lib/platform/startup.ts' && i === '@/lib/tenancy/registry')),
    );
    expect(offenders).toEqual([]);
  });
});
