import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The repository's source files and their imports, for the tests that check how code is put together. */
export const root = path.resolve(__dirname, '..');

export const readSource = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** Every .ts/.tsx file under `dir` (repository-relative paths). */
export function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.posix.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx)$/.test(name) ? [rel] : [];
  });
}

/** What `file` imports, as written ('@/lib/auth', './format', 'next-intl'), static and dynamic. */
export const imports = (file: string) => [...readSource(file).matchAll(/from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].map((m) => m[1] ?? m[2]!);

/** A client component's module (or proxy.ts, which runs on the edge and follows the same rules). */
export const isClient = (f: string) => f === 'proxy.ts' || /^['"]use client['"]/.test(readSource(f));

/** The repository file an import of `file` names, or null for a package. */
export function resolveImport(file: string, spec: string): string | null {
  const base = spec.startsWith('@/') ? spec.slice(2) : spec.startsWith('.') ? path.posix.join(path.posix.dirname(file), spec) : null;
  if (base === null) return null;
  const found = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((c) => existsSync(path.join(root, c)) && statSync(path.join(root, c)).isFile());
  return found ?? null;
}

/** `files` and every repository file they import, directly or not. */
export function importClosure(files: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...files];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of imports(file)) {
      const target = resolveImport(file, spec);
      if (target) todo.push(target);
    }
  }
  return seen;
}
