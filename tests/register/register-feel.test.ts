import { describe, expect, it } from 'vitest';
import { approverList, type RegisterT, type RegisterWords } from '@/components/register/format';
import { formatsFor } from '@/lib/platform/formats';
import { translatorFor } from '@/lib/platform/i18n';
import { productStock, tileBadge } from '@/components/register/stock';
import type { RegisterProduct, RegisterStockLevel } from '@/components/register/types';

/** The register's English words, as the page gives them to its helpers. */
const words: RegisterWords = { t: translatorFor('en', 'register') as unknown as RegisterT, f: formatsFor('en') };

const product = (over: Partial<RegisterProduct> = {}, variants = ['v1']): RegisterProduct => ({
  id: 'p1',
  name: 'Coca-Cola 330 ml',
  altName: null,
  categoryId: null,
  photoUrl: null,
  trackStock: true,
  allowNegativeStock: false,
  openPrice: false,
  soldOut: false,
  taxRateBasisPoints: 0,
  modifierGroups: [],
  variants: variants.map((id) => ({ id, name: id, sku: id.toUpperCase(), barcodes: [], price: 1000 })),
  ...over,
});
const level = (quantity: number, threshold: number | null = 10): RegisterStockLevel => ({ quantity, threshold, low: quantity <= 0 || (threshold !== null && quantity <= threshold) });
const badge = (p: RegisterProduct, stock: Record<string, RegisterStockLevel>) => tileBadge(productStock(p, stock), words);

describe('the stock a tile shows', () => {
  it('a tracked product in stock shows its count', () => {
    expect(badge(product(), { v1: level(96) })).toEqual({ tone: 'stock', symbol: '', text: '96 in stock' });
    expect(badge(product(), { v1: level(12_500, null) })?.text).toBe('12,500 in stock');
  });

  it('adds up the variants, a negative level counting as none', () => {
    expect(productStock(product({}, ['a', 'b', 'c']), { a: level(30), b: level(-4), c: level(12) }).quantity).toBe(42);
  });

  it('low says so in words with a symbol, with what is left', () => {
    expect(badge(product(), { v1: level(3) })).toEqual({ tone: 'low', symbol: '▲', text: 'Low · 3 left' });
    // One variant out is enough for Low on the tile; the count is the product's.
    expect(badge(product({}, ['a', 'b']), { a: level(0), b: level(40) })).toEqual({ tone: 'low', symbol: '▲', text: 'Low · 40 left' });
  });

  it('out of stock: "Out", or "Out · can sell" when it may go below zero; a variant with no level yet is out', () => {
    expect(badge(product(), {})).toEqual({ tone: 'out', symbol: '✕', text: 'Out' });
    expect(badge(product({ allowNegativeStock: true }), { v1: level(-2) })).toEqual({ tone: 'out', symbol: '✕', text: 'Out · can sell' });
  });

  it('an 86’d product is sold out whatever its stock; an untracked one shows no badge', () => {
    expect(badge(product({ soldOut: true }), { v1: level(96) })).toEqual({ tone: 'sold-out', symbol: '⊘', text: 'Sold out' });
    expect(badge(product({ trackStock: false }), {})).toBeNull();
    expect(productStock(product({ trackStock: false }), {}).quantity).toBeNull();
  });
});

describe('who is asked to approve', () => {
  it('names one, two or several approvers with their role in one phrase', () => {
    expect(approverList([], words.t)).toBe('');
    expect(approverList([{ name: 'Ko Min Thu', role: 'manager' }], words.t)).toBe('Ko Min Thu (manager)');
    expect(approverList([{ name: 'Ko Min Thu', role: 'manager' }, { name: 'Daw Aye Aye', role: 'owner' }], words.t)).toBe('Ko Min Thu (manager) or Daw Aye Aye (owner)');
    expect(approverList([{ name: 'A' }, { name: 'B', role: 'owner' }, { name: 'C' }], words.t)).toBe('A, B (owner) or C');
  });
});
