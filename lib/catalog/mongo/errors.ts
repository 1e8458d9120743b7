import { AppError } from '@/lib/platform/errors';
import { clashError } from '../shared';

/** MongoDB driver errors in the catalog's words (exported for tests). */

export type DuplicateKey = { index?: string; keyValue?: Record<string, unknown> };

/** The duplicate-key details (E11000) of a driver error, wherever the driver put them (exported for tests). */
export function duplicateKey(err: unknown): DuplicateKey | null {
  const candidates: unknown[] = [err];
  for (let i = 0; i < candidates.length && i < 20; i++) {
    const e = candidates[i];
    if (!e || typeof e !== 'object') continue;
    const o = e as { code?: unknown; keyValue?: unknown; errmsg?: unknown; message?: unknown; writeErrors?: unknown; err?: unknown; cause?: unknown; errorResponse?: unknown };
    if (o.code === 11000 || o.code === 11001) {
      const message = typeof o.errmsg === 'string' ? o.errmsg : typeof o.message === 'string' ? o.message : '';
      const keyValue = o.keyValue && typeof o.keyValue === 'object' ? (o.keyValue as Record<string, unknown>) : undefined;
      const found: DuplicateKey = { index: /index: (\S+)/.exec(message)?.[1], keyValue };
      if (found.keyValue) return found;
      // A bulk write error carries the details on its write errors: look there before settling.
      const writeErrors = Array.isArray(o.writeErrors) ? o.writeErrors : o.writeErrors ? [o.writeErrors] : [];
      for (const w of writeErrors as { err?: unknown }[]) {
        const inner = duplicateKey(w?.err ?? w);
        if (inner?.keyValue) return inner;
      }
      return found;
    }
    candidates.push(o.cause, o.errorResponse, o.err, ...(Array.isArray(o.writeErrors) ? o.writeErrors : [o.writeErrors]));
  }
  return null;
}

/** Transactions on a standalone server fail with IllegalOperation (20). */
function isNoTransactionSupport(err: unknown): boolean {
  const o = err as { code?: unknown; message?: unknown } | null;
  return !!o && o.code === 20 && typeof o.message === 'string' && /transaction/i.test(o.message);
}

/**
 * A unique violation that slipped past the pre-check (a concurrent writer, or two products of
 * one import sharing a SKU) still reads well: it names the SKU or barcode when the server says
 * which. Exported for tests.
 */
export function productWriteError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const dup = duplicateKey(err);
  if (dup) {
    const kv = dup.keyValue ?? {};
    if (typeof kv.skus === 'string') return clashError([{ kind: 'sku', value: kv.skus }]);
    if (typeof kv.barcodes === 'string') return clashError([{ kind: 'barcode', value: kv.barcodes }]);
    return new AppError('conflict', 'A SKU or barcode of this product is already used by another product', undefined, { words: { key: 'skuTaken' } });
  }
  if (isNoTransactionSupport(err)) {
    return new AppError('unavailable', 'Importing needs MongoDB transactions: run MongoDB as a replica set (e.g. Atlas or mongod --replSet)');
  }
  return err;
}
