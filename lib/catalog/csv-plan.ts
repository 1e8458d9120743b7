import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import type { TenantContext } from '@/lib/auth';
import { unescapeFormula } from '@/lib/platform/csv';
import { decimalToMinor } from '@/lib/platform/money';
import { describeProduct, diffProducts, type FieldChange } from './csv-diff';
import { bool, costCell, CSV_COLUMNS, fieldColumn, list, MAX_LISTED_ERRORS, MAX_ROWS, PRODUCT_COLUMNS, REQUIRED, type Column, type CsvError, type ImportProgress, type Row } from './csv-columns';
import type { Category, ImportedProduct, ModifierGroup, Product, TaxClass } from './repository';
import { productInputSchema } from './schemas';
import { catalogRepository } from './service';
import { yieldToEventLoop } from './shared';

/**
 * The CSV import's plan: what a file would do to the catalog as it stands, computed without
 * writing anything. The preview shows it and the import applies it (lib/catalog/csv.ts), so the
 * two cannot disagree. `version` is a hash of every write the plan would make and of the
 * versions (`updatedAt`) of the products it reads: an import sent with the preview's version is
 * refused (409) if planning again gives another one — the catalog changed in between.
 */
export type PlannedVariant = { name: string; sku: string; price: number };
export type ImportPreview = {
  version: string;
  rows: number;
  create: { line: number; name: string; category: string | null; taxClass: string | null; variants: PlannedVariant[] }[];
  change: { line: number; productId: string; name: string; changes: FieldChange[] }[];
  unchanged: { line: number; productId: string; name: string }[];
  categoriesToCreate: string[];
};
export type ImportPlan =
  | { ok: false; errors: CsvError[]; errorCount: number }
  | {
      ok: true;
      preview: ImportPreview;
      /** What the import writes: the created and changed products, each with its category by name. */
      writes: { product: ImportedProduct; category: string | null }[];
      existing: Product[];
      categories: Category[];
      taxes: TaxClass[];
    };

export function invalid(errors: CsvError[]): ImportPlan & { ok: false } {
  const sorted = [...errors].sort((a, b) => a.line - b.line);
  return { ok: false, errors: sorted.slice(0, MAX_LISTED_ERRORS), errorCount: errors.length };
}

/**
 * Validates the whole file (every error, with its line number) and plans it. Products whose
 * SKUs already exist are updated (variants matched by SKU keep their ids and stock; variants not
 * in the file are kept), unless nothing would change (left alone); others are created. Missing
 * categories are to be created.
 */
export async function planProductsCsv(ctx: TenantContext, text: string, onProgress: (p: ImportProgress) => void = () => {}): Promise<ImportPlan> {
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
  const names = { category: new Map(categories.map((c) => [c.id, c.name])), taxClass: new Map(taxes.map((t) => [t.id, t.name])), group: new Map(groups.map((g: ModifierGroup) => [g.id, g.name])) };

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
  const writes: { product: ImportedProduct; category: string | null }[] = [];
  const preview: Omit<ImportPreview, 'version'> = { rows: total, create: [], change: [], unchanged: [], categoriesToCreate: [] };
  const bases: [string, string][] = [];
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
    const knownCategory = categoryName ? categoryByName.get(categoryName.toLowerCase()) : undefined;
    if (categoryName && !knownCategory) newCategories.add(categoryName);
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
      if (sku) {
        if (skuLine.has(sku)) at(row, 'sku', `SKU ${sku} is also on line ${skuLine.get(sku)}`);
        else skuLine.set(sku, row.__line);
      }
      const barcodes = list(row.barcodes);
      for (const b of barcodes) {
        if (barcodeLine.has(b)) at(row, 'barcodes', `Barcode ${b} is also on line ${barcodeLine.get(b)}`);
        else barcodeLine.set(b, row.__line);
      }
      const cost = costCell(row.cost, currency);
      if (cost === 'invalid') at(row, 'cost', `Not a cost in ${currency}: "${row.cost ?? ''}"`);
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
      // No alt_name column (a file from before it existed): an existing product keeps its own.
      altName: first.alt_name === undefined ? (target?.altName ?? null) : first.alt_name.trim() || null,
      description: (first.description ?? '').trim() || null,
      categoryId: knownCategory?.id ?? null,
      taxClassId: tax?.id ?? null,
      photoUrl: (first.photo_url ?? '').trim() || null,
      status: (first.status ?? '').trim().toLowerCase() || 'active',
      trackStock: trackStock ?? true,
      allowNegativeStock: allowNegativeStock ?? false,
      openPrice: openPrice ?? false,
      attributes,
      modifierGroupIds: groupIds.filter(Boolean),
      variants: [...variants.map((v) => ({ ...v, id: target?.variants.find((t) => t.sku === v.sku)?.id })), ...keptVariants],
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
      const product = result.data;
      const category = knownCategory?.name ?? (categoryName || null);
      if (!target) {
        writes.push({ product, category });
        preview.create.push({ line: first.__line, name: product.name, category, taxClass: tax?.name ?? null, variants: product.variants.map(({ name, sku, price }) => ({ name, sku, price })) });
      } else {
        bases.push([target.id, target.updatedAt.toISOString()]);
        const changes = diffProducts(describeProduct(target, names), describeProduct({ ...product, categoryName: category }, names));
        if (changes.length === 0) preview.unchanged.push({ line: first.__line, productId: target.id, name: target.name });
        else {
          writes.push({ product: { ...product, id: target.id }, category });
          preview.change.push({ line: first.__line, productId: target.id, name: target.name, changes });
        }
      }
    }
    done += rows.length;
    if (done % 500 < rows.length || done === total) {
      onProgress({ phase: 'validating', done, total });
      await yieldToEventLoop(); // lets a streamed response send the progress line now
    }
  }

  if (errors.length) return invalid(errors);
  preview.categoriesToCreate = [...newCategories];
  const version = createHash('sha256').update(JSON.stringify({ writes, bases, newCategories: preview.categoriesToCreate })).digest('base64url');
  return { ok: true, preview: { version, ...preview }, writes, existing, categories, taxes };
}
