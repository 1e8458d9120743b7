import type { Filter } from 'mongodb';
import { AppError } from '@/lib/platform/errors';
import type { ProductInput } from '../schemas';

/**
 * Safety of the MongoDB adapter: every filter goes through `scoped(tenantId, …)`, which sets
 * `tenantId` itself; filters are built from typed scalars only (never from an input object);
 * and every input is checked by `assertSafeInput` (no `$`/`.` keys, plain data only) before it
 * reaches a query or a write — defence in depth on top of the zod schemas.
 */

const MAX_DEPTH = 16;

export function badInput(path: string, problem: string): AppError {
  return new AppError('bad_request', `Invalid input: ${path} ${problem}`, [{ path, message: problem }]);
}

/**
 * Rejects (AppError 'bad_request') anything that is not plain data MongoDB would store as such:
 * an object key starting with `$` or containing `.` (an operator or a path), and any value other
 * than a string, finite number, boolean, null, valid Date, array or plain object (no class
 * instances, functions, symbols, bigints, ObjectIds, RegExps, Buffers). `undefined` is allowed
 * as an object property only, meaning "absent" (the client is set to ignore undefined).
 */
export function assertSafeInput(value: unknown, path = 'input'): void {
  checkValue(value, path, 0);
}

function checkValue(value: unknown, path: string, depth: number): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw badInput(path, 'is not a finite number');
    return;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw badInput(path, 'is not a valid date');
    return;
  }
  if (typeof value !== 'object') throw badInput(path, `has an unsupported type (${value === undefined ? 'undefined' : typeof value})`);
  if (depth >= MAX_DEPTH) throw badInput(path, 'is nested too deeply');
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) checkValue(value[i], `${path}.${i}`, depth + 1);
    return;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw badInput(path, 'is not plain data');
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key === 'symbol') throw badInput(path, 'has a symbol key');
    const shown = key.length > 64 ? `${key.slice(0, 64)}…` : key;
    if (key.startsWith('$') || key.includes('.')) throw badInput(`${path}.${shown}`, 'is not an allowed field name (no leading "$", no ".")');
    const child = (value as Record<string, unknown>)[key];
    if (child !== undefined) checkValue(child, `${path}.${shown}`, depth + 1);
  }
}

/** A parameter that must be a string (ids, SKUs, barcodes): never an object that could become a filter. */
export function str(value: unknown, path: string): string {
  if (typeof value !== 'string') throw badInput(path, 'must be a string');
  return value;
}

export function tenant(tenantId: unknown): string {
  const id = str(tenantId, 'tenantId');
  if (!id) throw badInput('tenantId', 'must not be empty');
  return id;
}

function nullableStr(value: unknown, path: string): void {
  if (value !== null && value !== undefined) str(value, path);
}

export function list(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw badInput(path, 'must be a list');
  return value;
}

/** The product checks that run before anything touches the server (zod has run before, normally). */
export function checkProduct(p: ProductInput, path = 'product'): void {
  assertSafeInput(p, path);
  if (!p || typeof p !== 'object' || Array.isArray(p)) throw badInput(path, 'must be an object');
  str(p.name, `${path}.name`);
  for (const field of ['altName', 'description', 'categoryId', 'taxClassId', 'photoUrl'] as const) nullableStr(p[field], `${path}.${field}`);
  list(p.modifierGroupIds ?? [], `${path}.modifierGroupIds`).forEach((id, i) => str(id, `${path}.modifierGroupIds.${i}`));
  const variants = list(p.variants, `${path}.variants`) as ProductInput['variants'];
  if (variants.length === 0) throw badInput(`${path}.variants`, 'must list at least one variant');
  variants.forEach((v, i) => {
    const at = `${path}.variants.${i}`;
    if (!v || typeof v !== 'object') throw badInput(at, 'must be an object');
    if (v.id !== undefined) str(v.id, `${at}.id`);
    str(v.sku, `${at}.sku`);
    list(v.barcodes, `${at}.barcodes`).forEach((b, j) => str(b, `${at}.barcodes.${j}`));
  });
}

/** Skip and limit of a page query, checked: MongoDB reads limit 0 as "no limit", never let that through. */
export function pageOf(q: { skip?: number; limit?: number }): { skip: number; limit: number } {
  const skip = q.skip ?? 0;
  const limit = q.limit ?? 50;
  if (!Number.isInteger(skip) || skip < 0) throw badInput('skip', 'must be a whole number, 0 or more');
  if (!Number.isInteger(limit) || limit < 1) throw badInput('limit', 'must be a whole number, 1 or more');
  return { skip, limit };
}

/** The filter every query uses: the caller's conditions, always limited to one tenant. */
export function scoped<T extends { tenantId: string }>(tenantId: string, filter: Filter<T> = {}): Filter<T> {
  return { ...filter, tenantId } as Filter<T>;
}

/** Escapes regex metacharacters so a search for ".*" means the text ".*". */
export function escapeRegex(term: string): string {
  return term.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}
