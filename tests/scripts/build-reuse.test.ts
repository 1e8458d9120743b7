import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceFingerprint } from '@/scripts/app-server';

/** A build is reused only for the same sources: the fingerprint must move with what `next build` reads, and only with that. */
describe('the build fingerprint', () => {
  let root: string;
  const write = async (file: string, text: string) => {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  };

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'tillwise-build-'));
    spawnSync('git', ['init', '-q'], { cwd: root });
    await write('.gitignore', '.next/\n');
    await write('app/page.tsx', 'export default function Page() { return null; }\n');
    await write('lib/money.ts', 'export const cents = 100;\n');
    await write('tests/money.test.ts', '// a test\n');
    await write('e2e/a.spec.ts', '// a spec\n');
    await write('docs/notes.md', '# notes\n');
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('stays the same when only tests, specs, docs or ignored files change', async () => {
    const before = sourceFingerprint(root, {});
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    await write('tests/money.test.ts', '// another test\n');
    await write('e2e/b.spec.ts', '// a new spec\n');
    await write('docs/notes.md', '# more notes\n');
    await write('.next/BUILD_ID', 'abc\n');
    expect(sourceFingerprint(root, {})).toBe(before);
  });

  it('moves with a source file (changed, added or removed) and with the inlined environment', async () => {
    const before = sourceFingerprint(root, {});
    await write('lib/money.ts', 'export const cents = 1000;\n');
    const changed = sourceFingerprint(root, {});
    expect(changed).not.toBe(before);
    await write('components/grid.tsx', 'export {};\n');
    const added = sourceFingerprint(root, {});
    expect(added).not.toBe(changed);
    await rm(path.join(root, 'components/grid.tsx'));
    expect(sourceFingerprint(root, {})).toBe(changed);
    expect(sourceFingerprint(root, { NEXT_PUBLIC_BRAND: 'x' })).not.toBe(changed);
    expect(sourceFingerprint(root, { NEXT_OUTPUT: 'standalone' })).not.toBe(changed);
    expect(sourceFingerprint(root, { NODE_ENV: 'test', DATABASE_URL: 'postgres://elsewhere' })).toBe(changed);
  });

  it('is unknown outside a git checkout, so the build runs', async () => {
    const bare = await mkdtemp(path.join(tmpdir(), 'tillwise-nogit-'));
    try {
      expect(sourceFingerprint(bare, {})).toBeUndefined();
    } finally {
      await rm(bare, { recursive: true, force: true });
    }
  });
});
