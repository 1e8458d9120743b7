import { describe, expect, it } from 'vitest';
import { AREA_DIRECTORIES, CLIENT_NAMESPACES, pickMessages, type ClientArea } from '@/i18n/client-messages';
import { MESSAGES } from '@/lib/platform/i18n';
import { importClosure, isClient, readSource, sourceFiles } from '../source-files';

/** The namespaces a file's components ask for (`useTranslations('admin.charts')`). */
const namespacesIn = (file: string) => [...readSource(file).matchAll(/useTranslations(?:<[^>]*>)?\(\s*'([^']+)'/g)].map((m) => m[1]!);

/** The app files each area's layout wraps; the rest are the root layout's. */
function filesByArea(): Record<ClientArea, string[]> {
  const byArea = Object.fromEntries(Object.keys(CLIENT_NAMESPACES).map((a) => [a, [] as string[]])) as Record<ClientArea, string[]>;
  for (const file of sourceFiles('app')) {
    const area = (Object.entries(AREA_DIRECTORIES) as [ClientArea, string][]).find(([, dir]) => file.startsWith(`${dir}/`))?.[0] ?? 'root';
    byArea[area].push(file);
  }
  return byArea;
}

/** What the browser needs: the namespaces named anywhere in the client module graph of the area's files. */
function clientNamespacesOf(files: string[]): string[] {
  const clientModules = [...importClosure(files)].filter(isClient);
  const named = new Set([...importClosure(clientModules)].flatMap(namespacesIn));
  // `admin.catalog` already sends `admin.catalog.taxes`.
  return [...named].filter((ns) => ![...named].some((other) => ns.startsWith(`${other}.`))).sort();
}

describe('messages sent to the browser (i18n/client-messages.ts)', () => {
  const byArea = filesByArea();
  it.each(Object.keys(CLIENT_NAMESPACES) as ClientArea[])('the %s area sends exactly the namespaces its client components use', (area) => {
    // "Expected" is what the area's client components name: a `-` line is a namespace to add to the list, a `+` one to drop.
    expect([...CLIENT_NAMESPACES[area]].sort(), `CLIENT_NAMESPACES.${area}`).toEqual(clientNamespacesOf(byArea[area]));
  });

  it('every area layout wraps its screens in ClientMessages for its area', () => {
    for (const [area, dir] of Object.entries(AREA_DIRECTORIES)) expect(readSource(`${dir}/layout.tsx`)).toContain(`<ClientMessages area="${area}">`);
  });

  it('picks whole namespaces and parts of one, and nothing else', () => {
    const picked = pickMessages(MESSAGES.en, ['common', 'admin.charts', 'nope', 'admin.nope']);
    expect(Object.keys(picked).sort()).toEqual(['admin', 'common']);
    expect(picked.common).toEqual(MESSAGES.en.common);
    expect(picked.admin).toEqual({ charts: (MESSAGES.en.admin as Record<string, unknown>).charts });
  });
});
