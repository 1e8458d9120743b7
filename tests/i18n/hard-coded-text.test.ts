import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { readSource, sourceFiles } from '../source-files';

/**
 * No screen text is written in the JSX itself: a text node or a label attribute (aria-label,
 * title, placeholder, alt, label) with English words in a .tsx of app/ or components/ would be
 * English in the Myanmar interface too. Text goes through the catalogues (docs/i18n.md › Adding
 * a string). Allowed as written: the brand, technical placeholders (addresses), lone symbols.
 */
const ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'busy', 'confirm']);
const ALLOWED = new Set(['Tillwise', 'https://…', 'https://example.com/hooks/tillwise', 'demo']);
/** English words: a letter run of 2+ (so "#", "×", "—", "…" and numbers pass). */
const words = (text: string) => /[A-Za-z]{2,}/.test(text);

function hardCoded(file: string): string[] {
  const source = ts.createSourceFile(file, readSource(file), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const at = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      const text = node.getText().replace(/&\w+;/g, ' ').replace(/\s+/g, ' ').trim();
      if (text && words(text) && !ALLOWED.has(text)) found.push(`${at(node)} text “${text}”`);
    } else if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer)) {
      const name = node.name.getText();
      const value = node.initializer.text;
      if (ATTRIBUTES.has(name) && words(value) && !ALLOWED.has(value)) found.push(`${at(node)} ${name}="${value}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('screen text', () => {
  it('is never hard-coded English in the JSX of a page or component', () => {
    const files = [...sourceFiles('app'), ...sourceFiles('components')].filter((f) => f.endsWith('.tsx'));
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap(hardCoded)).toEqual([]);
  });
});
