import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import my from '@/messages/my.json';
import { LOCALES } from '@/lib/platform/locale';

/**
 * The two message catalogues say the same things: every key of one is in the other, each
 * message is valid ICU in its language and takes the same arguments (and rich-text tags), and
 * every key the code asks for (`t('…')` of a namespace it took) exists.
 */
type Tree = { [key: string]: string | Tree };
const catalogues: Record<string, Tree> = { en, my };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(at, value);
    else for (const [k, v] of leaves(value, at)) out.set(k, v);
  }
  return out;
}

/** The names a message takes: its arguments (with their ICU type) and its tags. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) into.add(`${e.value}`);
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      into.add(`${e.value}:${e.type === TYPE.plural ? 'plural' : 'select'}`);
      for (const option of Object.values(e.options)) argumentsOf(option.value, into);
    }
    if (e.type === TYPE.tag) {
      into.add(`<${e.value}>`);
      argumentsOf(e.children, into);
    }
  }
  return into;
}

const keys = Object.fromEntries(LOCALES.map((l) => [l, leaves(catalogues[l]!)]));

describe('message catalogues', () => {
  it('have the same keys in English and Myanmar', () => {
    const missingInMy = [...keys.en!.keys()].filter((k) => !keys.my!.has(k));
    const missingInEn = [...keys.my!.keys()].filter((k) => !keys.en!.has(k));
    expect({ missingInMy, missingInEn }).toEqual({ missingInMy: [], missingInEn: [] });
    expect(keys.en!.size).toBeGreaterThan(100);
  });

  it('are valid ICU and take the same arguments in both languages', () => {
    const differ: string[] = [];
    for (const [key, text] of keys.en!) {
      const mine = keys.my!.get(key)!;
      const a = [...argumentsOf(parse(text))].sort();
      const b = [...argumentsOf(parse(mine))].sort();
      if (a.join() !== b.join()) differ.push(`${key}: en ${a.join()} · my ${b.join()}`);
    }
    expect(differ).toEqual([]);
  });

  it('write Burmese in Myanmar Unicode, not Zawgyi or untranslated English', () => {
    const untranslated = [...keys.my!].filter(([key, text]) => /[a-z]{4,}/i.test(text.replace(/\{[^{}]*\}|<\/?\w+>|Tillwise|PIN|SKU|Enter|Delete|MMK|QR|86/g, '')) && keys.en!.get(key) === text);
    expect(untranslated).toEqual([]);
    // Zawgyi puts the vowel sign E (U+1031) before its consonant; Unicode never starts a word with it.
    const zawgyi = [...keys.my!].filter(([, text]) => /(^|[\s(])\u1031/.test(text));
    expect(zawgyi).toEqual([]);
  });
});

// ---- keys the code uses -------------------------------------------------------------------

const root = path.resolve(__dirname, '../..');
function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) return sources(rel);
    return /\.tsx?$/.test(name) ? [rel] : [];
  });
}

/**
 * `const t = useTranslations('ns')`, `await getTranslations('ns')`, `translatorFor(locale, 'ns')`:
 * each binding's namespace, then every literal key it is called with (`t('key')`, `t.rich('key')`,
 * `t(cond ? 'a' : 'b')`; a literal compared in the condition is not a key).
 */
function usedKeys(file: string): { key: string; at: string }[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const bindings = [...text.matchAll(/const (\w+) = (?:await )?(?:useTranslations|getTranslations)\('([\w.]+)'\)|const (\w+) = translatorFor\([^,]+, '([\w.]+)'\)/g)].map((m) => ({
    name: m[1] ?? m[3]!,
    ns: m[2] ?? m[4]!,
  }));
  const out: { key: string; at: string }[] = [];
  for (const { name, ns } of bindings) {
    for (const call of text.matchAll(new RegExp(`(?<![\\w.])${name}(?:\\.rich|\\.markup)?\\(([^()]*?)[,)]`, 'g'))) {
      for (const literal of call[1]!.matchAll(/(?:^|\?|:)\s*'([\w.]+)'/g)) out.push({ key: `${ns}.${literal[1]}`, at: file });
    }
  }
  return out;
}

describe('keys used in code', () => {
  const used = ['app', 'components', 'lib'].flatMap(sources).flatMap(usedKeys);

  it('are found (the scan sees the converted screens)', () => {
    expect(used.length).toBeGreaterThan(150);
    expect(used.some((u) => u.key === 'register.currentSale')).toBe(true);
  });

  it('all exist in the catalogue', () => {
    expect(used.filter((u) => !keys.en!.has(u.key))).toEqual([]);
  });
});
