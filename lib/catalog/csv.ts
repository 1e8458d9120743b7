import { can, type TenantContext } from '@/lib/auth';
import { csvText } from '@/lib/platform/csv';
import { AppError } from '@/lib/platform/errors';
import { minorToDecimal } from '@/lib/platform/money';
import { importAudit } from './audit';
import { CSV_COLUMNS, type CsvError, type ImportProgress } from './csv-columns';
import { planProductsCsv, type ImportPlan, type ImportPreview } from './csv-plan';
import type { Product } from './repository';
import { catalogRepository } from './service';

export { CSV_COLUMNS, type CsvError, type ImportProgress } from './csv-columns';
export type { ImportPreview, PlannedVariant } from './csv-plan';
export type { DiffField, DiffValue, FieldChange } from './csv-diff';

/** The format: ./csv-columns.ts. Planning (validation, diff, version): ./csv-plan.ts. */
export type ImportOutcome =
  | { ok: true; created: number; updated: number; unchanged: number; categoriesCreated: string[] }
  | { ok: false; errors: CsvError[]; errorCount: number };
export type PreviewOutcome = ({ ok: true } & ImportPreview) | { ok: false; errors: CsvError[]; errorCount: number };

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
      alt_name: i === 0 ? (p.altName ?? '') : '',
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
  // Costs only for those who may see them (`cost:read`); a file without the column imports back changing no cost.
  const columns = can(ctx, 'cost:read') ? CSV_COLUMNS : CSV_COLUMNS.filter((c) => c !== 'cost');
  // Every column is text here (prices and costs are never negative), so every formula-like cell is escaped.
  return csvText(rows, columns.map((c) => ({ header: c, value: (r: (typeof rows)[number]) => r[c] })));
}


/** What importing `text` would do, without writing anything (the import's own plan). */
export async function previewProductsCsv(ctx: TenantContext, text: string): Promise<PreviewOutcome> {
  const plan = await planProductsCsv(ctx, text);
  return plan.ok ? { ok: true, ...plan.preview } : plan;
}

/**
 * Plans the file (every error, with its line, before anything is written) and applies the
 * plan in one all-or-nothing write: new products created, changed ones updated, unchanged ones
 * left alone, missing categories created first. With `expectVersion` (the preview's version)
 * a plan that came out otherwise — the catalog changed since the preview — is refused with a
 * 409 and nothing is written.
 */
export async function importProductsCsv(
  ctx: TenantContext,
  text: string,
  onProgress: (p: ImportProgress) => void = () => {},
  options: { expectVersion?: string } = {},
): Promise<ImportOutcome> {
  const plan = await planProductsCsv(ctx, text, onProgress);
  if (!plan.ok) return plan;
  if (options.expectVersion !== undefined && options.expectVersion !== plan.preview.version) {
    throw new AppError('conflict', 'The catalog changed since this file was previewed. Preview it again before importing.', [
      { path: 'version', message: 'Preview the file again' },
    ]);
  }
  return applyPlan(ctx, plan, onProgress);
}

async function applyPlan(ctx: TenantContext, plan: ImportPlan & { ok: true }, onProgress: (p: ImportProgress) => void): Promise<ImportOutcome> {
  const repo = await catalogRepository();
  const { preview, writes, existing, categories, taxes } = plan;
  const categoryByName = new Map(categories.map((c) => [c.name.toLowerCase(), c]));
  for (const name of preview.categoriesToCreate) {
    categoryByName.set(name.toLowerCase(), await repo.categories.create(ctx.tenantId, { name, position: 0, color: null, tracksStock: null }));
  }
  const products = writes.map(({ product, category }) => ({ ...product, categoryId: category ? categoryByName.get(category.toLowerCase())!.id : null }));
  const names = { category: new Map(categories.map((c) => [c.id, c.name])), taxClass: new Map(taxes.map((t) => [t.id, t.name])) };
  const details = { rows: preview.rows, unchanged: preview.unchanged.length, categoriesCreated: preview.categoriesToCreate };
  const audit = importAudit(ctx, existing, products, names, details);
  const result = await repo.importProducts(ctx.tenantId, products, (n) => onProgress({ phase: 'importing', done: n, total: products.length }), audit);
  return { ok: true, ...result, unchanged: preview.unchanged.length, categoriesCreated: preview.categoriesToCreate };
}
