import Papa from 'papaparse';
import type { TenantContext } from '@/lib/auth';
import { csvText, unescapeFormula } from '@/lib/platform/csv';
import { decimalToMinor, minorToDecimal } from '@/lib/platform/money';
import { importAudit } from './audit';
import type { ImportedProduct, Product } from './repository';
import { productInputSchema } from './schemas';
import { catalogRepository } from './service';
import { yieldToEventLoop } from './shared';

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
] as const;
type Column = (typeof CSV_COLUMNS)[number];
type Row = Partial<Record<Column, string>> & { __line: number };

const PRODUCT_COLUMNS: Column[] = ['product_name', 'category', 'tax_class', 'description', 'status', 'track_stock', 'allow_negative_stock', 'open_price', 'photo_url', 'modifier_groups', 'attributes'];
const REQUIRED: Column[] = ['product_name', 'sku', 'price'];
const MAX_ROWS = 50_000;
const MAX_LISTED_ERRORS = 500;

export type CsvError = { line: number; column?: string; message: string };
export type ImportProgress = { phase: 'validating' | 'importing'; done: number; total: number };
export type ImportOutcome =
  | { ok: true; created: number; updated: number; categoriesCreated: string[] }
  | { ok: false; errors: CsvError[]; errorCount: number };

const list = (value: string | undefined) => (value ?? '').split('|').map((s) => s.trim()).filter(Boolean);
const bool = (value: string | undefined, fallback: boolean): boolean | null => {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '') return fallback;
  if (['true', 'yes', 'y', '1'].includes(v)) return true;
  if (['false', 'no', 'n', '0'].includes(v)) return false;
  return null;
};

/** A cost cell: no column leaves the cost as it is (undefined), an empty cell means "not known" (null). */
function costCell(value: string | undefined, currency: string): number | null | undefined | 'invalid' {
  if (value === undefined) return undefined;
  if (value.trim() === '') return null;
  return decimalToMinor(value, currency) ?? 'invalid';
}

export async function exportProductsCsv(ctx: TenantContext): Promise<string> {
  const { tenantId, tenant: { currency } } = ctx;
  const repo = await catalogRepository();
  const [products, categories, taxes, groups] = await Promise.all([
    repo.allProducts(tenantId),
    repo.categories.list(tenantId),
    repo.taxClasses.list(tenantId),
    repo.modifierGroups.list(tenantId),
  ]);
  const name = (items: { id: string; name: string }[], id: string | null) => items.find((i) => i.id === id)?.name ?? '';
  const rows = products.flatMap((p: Product) =>
    p.variants.map((v, i) => ({
      handle: p.id,
      product_name: p.name,
      category: i === 0 ? name(categories, p.categoryId) : '',
      tax_class: i === 0 ? name(taxes, p.taxClassId) : '',
      description: i === 0 ? (p.description ?? '') : '',
      status: i === 0 ? p.status : '',
      track_stock: i === 0 ? String(p.trackStock) : '',
      allow_negative_stock: i === 0 ? String(p.allowNegativeStock) : '',
      open_price: i === 0 ? String(p.openPrice) : '',
      photo_url: i === 0 ? (p.photoUrl ?? '') : '',
      modifier_groups: i === 0 ? p.modifierGroupIds.map((g) => name(groups, g)).filter(Boolean).join('|') : '',
      attributes: i === 0 && Object.keys(p.attributes).length ? JSON.stringify(p.attributes) : '',
      variant_name: v.name,
      sku: v.sku,
      barcodes: v.barcodes.join('|'),
      price: minorToDecimal(v.price, currency),
      cost: v.cost === null ? '' : minorToDecimal(v.cost, currency),
    })),
  );
  // Every column is text here (prices are never negative), so every formula-like cell is escaped.
  return csvText(rows, CSV_COLUMNS.map((c) => ({ header: c, value: (r: (typeof rows)[number]) => r[c] })));
}

/**
 * Validates the whole file first (every error, with its line number), then imports it in one
 * all-or-nothing write. Products whose SKUs already exist are updated (variants matched by
 * SKU keep their ids and stock; variants not in the file are kept); others are created.
 * Missing categories are created once everything else is valid.
 */
export async function importProductsCsv(
  ctx: TenantContext,
  text: string,
  onProgress: (p: ImportProgress) => void = () => {},
): Promise<ImportOutcome> {
  const { currency } = ctx.tenant;
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase().replace(/\s+/g, '_'),
    transform: unescapeFormula,
  });
  const errors: CsvError[] = parsed.errors.map((e) => ({ line: (e.row ?? 0) + 2, message: e.message }));
  const headers = parsed.meta.fields ?? [];
  const missing = REQUIRED.filter((c) => !headers.includes(c));
  if (missing.length) return invalid([{ line: 1, message: `Missing column(s): ${missing.join(', ')}. Expected: ${CSV_COLUMNS.join(', ')}` }]);
  const unknown = headers.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
  if (unknown.length) return invalid([{ line: 1, message: `Unknown column(s): ${unknown.join(', ')}` }]);
  if (parsed.data.length === 0) return invalid([{ line: 2, message: 'The file has no product rows' }]);
  if (parsed.data.length > MAX_ROWS) return invalid([{ line: MAX_ROWS + 2, message: `At most ${MAX_ROWS} rows per file` }]);

  const repo = await catalogRepository();
  const [existing, categories, taxes, groups] = await Promise.all([
    repo.allProducts(ctx.tenantId),
    repo.categories.list(ctx.tenantId),
    repo.taxClasses.list(ctx.tenantId),
    repo.modifierGroups.list(ctx.tenantId),
  ]);
  const byName = <T extends { name: string }>(items: T[]) => new Map(items.map((i) => [i.name.toLowerCase(), i]));
  const categoryByName = byName(categories);
  const taxByName = byName(taxes);
  const groupByName = byName(groups);
  const productOfSku = new Map(existing.flatMap((p) => p.variants.map((v) => [v.sku, p] as const)));
  const productOfBarcode = new Map(existing.flatMap((p) => p.variants.flatMap((v) => v.barcodes.map((b) => [b, p.id] as const))));

  // Group rows by handle (or product name when there is no handle column).
  const groupsByHandle = new Map<string, Row[]>();
  parsed.data.forEach((raw, i) => {
    const row: Row = { ...(raw as Partial<Record<Column, string>>), __line: i + 2 };
    const handle = (row.handle ?? '').trim() || (row.product_name ?? '').trim() || `line-${row.__line}`;
    groupsByHandle.set(handle, [...(groupsByHandle.get(handle) ?? []), row]);
  });

  const total = parsed.data.length;
  const skuLine = new Map<string, number>();
  const barcodeLine = new Map<string, number>();
  const newCategories = new Set<string>();
  const planned: { product: ImportedProduct; category: string | null }[] = [];
  let done = 0;

  for (const rows of groupsByHandle.values()) {
    const first = rows[0]!;
    const rowErrors: CsvError[] = [];
    const at = (row: Row, column: Column | undefined, message: string) => rowErrors.push({ line: row.__line, column, message });

    for (const row of rows.slice(1)) {
      for (const c of PRODUCT_COLUMNS) {
        const value = (row[c] ?? '').trim();
        if (value && c !== 'product_name' && value !== (first[c] ?? '').trim()) at(row, c, `Differs from line ${first.__line} of the same product; leave it empty`);
      }
    }
    const categoryName = (first.category ?? '').trim();
    if (categoryName && !categoryByName.has(categoryName.toLowerCase())) newCategories.add(categoryName);
    const taxName = (first.tax_class ?? '').trim();
    const tax = taxName ? taxByName.get(taxName.toLowerCase()) : undefined;
    if (taxName && !tax) at(first, 'tax_class', `No tax class named "${taxName}"`);
    const groupIds = list(first.modifier_groups).map((g) => {
      const found = groupByName.get(g.toLowerCase());
      if (!found) at(first, 'modifier_groups', `No modifier group named "${g}"`);
      return found?.id;
    });
    let attributes: unknown = {};
    if ((first.attributes ?? '').trim()) {
      try {
        attributes = JSON.parse(first.attributes!);
      } catch {
        at(first, 'attributes', 'Not valid JSON (use an object like {"halal": true})');
      }
    }
    const trackStock = bool(first.track_stock, true);
    const allowNegativeStock = bool(first.allow_negative_stock, false);
    if (trackStock === null) at(first, 'track_stock', 'Use true or false');
    if (allowNegativeStock === null) at(first, 'allow_negative_stock', 'Use true or false');
    const openPrice = bool(first.open_price, false);
    if (openPrice === null) at(first, 'open_price', 'Use true or false');

    const variants = rows.map((row) => {
      const sku = (row.sku ?? '').trim();
      const price = decimalToMinor(row.price ?? '', currency);
      if (price === null) at(row, 'price', `Not a price in ${currency}: "${row.price ?? ''}"`);
      const cost = costCell(row.cost, currency);
      if (cost === 'invalid') at(row, 'cost', `Not a cost in ${currency}: "${row.cost ?? ''}"`);
      if (sku) {
        if (skuLine.has(sku)) at(row, 'sku', `SKU ${sku} is also on line ${skuLine.get(sku)}`);
        else skuLine.set(sku, row.__line);
      }
      const barcodes = list(row.barcodes);
      for (const b of barcodes) {
        if (barcodeLine.has(b)) at(row, 'barcodes', `Barcode ${b} is also on line ${barcodeLine.get(b)}`);
        else barcodeLine.set(b, row.__line);
      }
      return { name: (row.variant_name ?? '').trim() || 'Default', sku, barcodes, price: price ?? 0, ...(cost !== undefined && cost !== 'invalid' && { cost }) };
    });

    // The existing product these SKUs belong to (at most one), which this group then updates.
    const owners = new Set(variants.map((v) => productOfSku.get(v.sku)?.id).filter(Boolean));
    if (owners.size > 1) at(first, 'sku', 'These SKUs belong to different existing products');
    const target = owners.size === 1 ? existing.find((p) => p.id === [...owners][0]) : undefined;
    variants.forEach((v, i) => {
      for (const b of v.barcodes) {
        const owner = productOfBarcode.get(b);
        if (owner && owner !== target?.id) at(rows[i]!, 'barcodes', `Barcode ${b} belongs to another product`);
      }
    });

    const keptVariants = target ? target.variants.filter((v) => !variants.some((n) => n.sku === v.sku)) : [];
    const result = productInputSchema.safeParse({
      name: (first.product_name ?? '').trim(),
      description: (first.description ?? '').trim() || null,
      categoryId: null,
      taxClassId: tax?.id ?? null,
      photoUrl: (first.photo_url ?? '').trim() || null,
      status: (first.status ?? '').trim().toLowerCase() || 'active',
      trackStock: trackStock ?? true,
      allowNegativeStock: allowNegativeStock ?? false,
      openPrice: openPrice ?? false,
      attributes,
      modifierGroupIds: groupIds.filter(Boolean),
      variants: [
        ...variants.map((v) => ({ ...v, id: target?.variants.find((t) => t.sku === v.sku)?.id })),
        ...keptVariants,
      ],
    });
    if (!result.success) {
      for (const issue of result.error.issues) {
        const [field, index, sub] = issue.path;
        const row = field === 'variants' && typeof index === 'number' ? (rows[index] ?? first) : first;
        const column = field === 'variants' ? (sub === 'name' ? 'variant_name' : (sub as Column)) : fieldColumn(String(field));
        at(row, column, issue.message);
      }
    }
    errors.push(...rowErrors);
    if (result.success && rowErrors.length === 0) {
      planned.push({ product: { ...result.data, ...(target && { id: target.id }) }, category: categoryName || null });
    }
    done += rows.length;
    if (done % 500 < rows.length || done === total) {
      onProgress({ phase: 'validating', done, total });
      await yieldToEventLoop(); // lets a streamed response send the progress line now
    }
  }

  if (errors.length) return invalid(errors);

  for (const name of newCategories) {
    categoryByName.set(name.toLowerCase(), await repo.categories.create(ctx.tenantId, { name, position: 0, color: null, tracksStock: null }));
  }
  const products = planned.map(({ product, category }) => ({
    ...product,
    categoryId: category ? categoryByName.get(category.toLowerCase())!.id : null,
  }));
  const names = { category: new Map(categories.map((c) => [c.id, c.name])), taxClass: new Map(taxes.map((t) => [t.id, t.name])) };
  const audit = importAudit(ctx, existing, products, names, { rows: total, categoriesCreated: [...newCategories] });
  const result = await repo.importProducts(ctx.tenantId, products, (n) => onProgress({ phase: 'importing', done: n, total: products.length }), audit);
  return { ok: true, ...result, categoriesCreated: [...newCategories] };
}

function fieldColumn(field: string): Column | undefined {
  const map: Record<string, Column> = {
    name: 'product_name',
    description: 'description',
    photoUrl: 'photo_url',
    status: 'status',
    attributes: 'attributes',
    modifierGroupIds: 'modifier_groups',
  };
  return map[field];
}

function invalid(errors: CsvError[]): ImportOutcome {
  const sorted = [...errors].sort((a, b) => a.line - b.line);
  return { ok: false, errors: sorted.slice(0, MAX_LISTED_ERRORS), errorCount: errors.length };
}
