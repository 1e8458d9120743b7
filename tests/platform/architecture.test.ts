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

const all = [...sourceFiles('app'), ...sourceFiles('lib'), ...sourceFiles('components'), ...sourceFiles('db'), 'proxy.ts'];

describe('architecture rules', () => {
  it('only the tenant/platform helpers, migrations and seed reach the raw database handle', () => {
    const allowed = new Set(['lib/platform/db.ts', 'db/migrate.ts']);
    const offenders = all.filter((f) => !allowed.has(f) && imports(f).some((i) => i === '@/db/client' || i === './client'));
    expect(offenders).toEqual([]);
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
