import { decimalToMinor } from '@/lib/platform/money';

/**
 * Products as CSV, one row per variant. Rows sharing a `handle` are one product; its
 * product-level columns come from its first row (later rows may leave them empty). Prices are
 * decimals in the tenant's currency ("4.50"); lists (barcodes, modifier groups) use "|";
 * attributes are a JSON object. Export writes the same format, so a file round-trips.
 */
export const CSV_COLUMNS = [
  'handle',
  'product_name',
  'category',
  'tax_class',
  'description',
  'status',
  'track_stock',
  'allow_negative_stock',
  'photo_url',
  'modifier_groups',
  'attributes',
  'variant_name',
  'sku',
  'barcodes',
  'price',
  // Last, so files written before them existed still line up column for column.
  'open_price',
  /** What a unit costs the store, before tax; empty: not known. A file without the column changes no cost. */
  'cost',
  /** The name in another script (မုန့်ဟင်းခါး beside "Mohinga"); a file without the column leaves it as it is. */
  'alt_name',
] as const;
export type Column = (typeof CSV_COLUMNS)[number];
export type Row = Partial<Record<Column, string>> & { __line: number };

export const PRODUCT_COLUMNS: Column[] = ['product_name', 'alt_name', 'category', 'tax_class', 'description', 'status', 'track_stock', 'allow_negative_stock', 'open_price', 'photo_url', 'modifier_groups', 'attributes'];
export const REQUIRED: Column[] = ['product_name', 'sku', 'price'];
export const MAX_ROWS = 50_000;
export const MAX_LISTED_ERRORS = 500;

export type CsvError = { line: number; column?: string; message: string };
export type ImportProgress = { phase: 'validating' | 'importing'; done: number; total: number };

export const list = (value: string | undefined) => (value ?? '').split('|').map((s) => s.trim()).filter(Boolean);
export const bool = (value: string | undefined, fallback: boolean): boolean | null => {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '') return fallback;
  if (['true', 'yes', 'y', '1'].includes(v)) return true;
  if (['false', 'no', 'n', '0'].includes(v)) return false;
  return null;
};

/** A cost cell: no column leaves the cost as it is (undefined), an empty cell means "not known" (null). */
export function costCell(value: string | undefined, currency: string): number | null | undefined | 'invalid' {
  if (value === undefined) return undefined;
  if (value.trim() === '') return null;
  return decimalToMinor(value, currency) ?? 'invalid';
}

export function fieldColumn(field: string): Column | undefined {
  const map: Record<string, Column> = {
    name: 'product_name',
    altName: 'alt_name',
    description: 'description',
    photoUrl: 'photo_url',
    status: 'status',
    attributes: 'attributes',
    modifierGroupIds: 'modifier_groups',
  };
  return map[field];
}
