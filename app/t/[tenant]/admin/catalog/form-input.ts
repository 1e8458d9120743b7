import { z } from 'zod';
import { MAX_PRICE } from '@/lib/catalog';
import { decimalToMinor, minorDigits } from '@/lib/platform/money';
import { text } from '@/lib/platform/form-data';
import type { FieldWords } from '@/lib/platform/errors';
import { issueWords } from '@/lib/platform/issue-words';

/**
 * Helpers for the catalog's server actions: read form fields, and turn a form's text into the
 * catalog module's input while validating it with the module's own schema — conversion
 * problems ("not a price") and schema problems come back together, keyed by field path.
 */

export const isUuid = (value: unknown): value is string => z.uuid().safeParse(value).success;

/** The JSON document of a hidden `payload` field (an object, or {} when missing or broken). */
export function jsonField(formData: FormData, name: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text(formData, name) ?? '{}');
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Untrusted JSON, read defensively. */
export const str = (value: unknown): string => (typeof value === 'string' ? value : '');
export const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
export const obj = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

export type Path = (string | number)[];
/** A field's problem: the English `message`, and its `words` so a form in another language says it (field-words.ts). */
export type Report = (path: Path, message: string, words?: FieldWords) => void;

/**
 * A schema for staffAction: `convert` maps the raw form value to the module's input (calling
 * `report` for what it cannot convert), then `schema` validates it. The first message for a
 * path wins, so a conversion message is not replaced by the schema's view of the placeholder.
 * `rename` may move or reword a schema issue (return null to drop it). A schema issue keeps its
 * code and bounds (a reworded one says its new sentence as sent), so it reads in the reader's language.
 */
export function formSchema<S extends z.ZodType>(
  schema: S,
  convert: (raw: unknown, report: Report) => unknown,
  rename: (path: Path, message: string) => { path: Path; message: string } | null = (path, message) => ({ path, message }),
) {
  return z.unknown().transform((raw, ctx): z.output<S> => {
    const reported = new Set<string>();
    const first = (path: Path) => {
      const key = path.join('.');
      if (reported.has(key)) return false;
      reported.add(key);
      return true;
    };
    const report: Report = (path, message, words) => {
      if (first(path)) ctx.addIssue({ code: 'custom', path, message, ...(words && { params: { words } }) });
    };
    const result = schema.safeParse(convert(raw, report));
    if (!result.success) {
      for (const issue of result.error.issues) {
        const moved = rename(issue.path.map((p) => (typeof p === 'number' ? p : String(p))), issue.message);
        if (!moved || !first(moved.path)) continue;
        // Reworded: our sentence, as sent; else the issue itself (its code, bounds or words) at its path.
        if (moved.message !== issue.message) ctx.addIssue({ code: 'custom', path: moved.path, message: moved.message });
        else ctx.addIssue({ ...issue, path: moved.path } as Parameters<typeof ctx.addIssue>[0] & object);
      }
    }
    return result.success && reported.size === 0 ? result.data : z.NEVER;
  });
}

/** "3" → 3; anything else is reported and becomes NaN (which the schema then ignores). */
export function wholeNumber(value: unknown, path: Path, report: Report, fallback?: number): number {
  const t = str(value).trim();
  if (t === '' && fallback !== undefined) return fallback;
  if (!/^-?\d{1,6}$/.test(t)) {
    report(path, 'Enter a whole number', issueWords('wholeNumber').words);
    return Number.NaN;
  }
  return Number(t);
}

/** "4.50" in the example of a price message, with the currency's number of decimals. */
function priceExample(currency: string): string {
  const digits = minorDigits(currency);
  return digits === 0 ? '2500' : `4.${'5'.padEnd(digits, '0')}`;
}

/**
 * A decimal amount as typed ("4.50", "2,500") → integer minor units of `currency`, or a
 * message under the field. `delta` allows negative amounts and treats empty as 0.
 */
export function priceOf(value: unknown, currency: string, path: Path, report: Report, delta = false): number {
  const typed = str(value).trim();
  if (typed === '') {
    if (delta) return 0;
    report(path, 'Enter a price', issueWords('price').words);
    return Number.NaN;
  }
  const minor = decimalToMinor(typed, currency);
  const example = `${delta ? '-' : ''}${priceExample(currency)}`;
  if (minor === null) report(path, `Enter an amount in ${currency}, like ${example}`, issueWords('amountIn', { currency, example }).words);
  else if (minor < 0 && !delta) report(path, 'A price cannot be negative', issueWords('priceNegative').words);
  else if (Math.abs(minor) > MAX_PRICE) report(path, 'That amount is too large', issueWords('amountTooLarge').words);
  else return minor;
  return Number.NaN;
}

/** "7", "7.5", "7,25 %" → basis points (750); exact, at most two decimals. */
export function basisPoints(value: unknown, path: Path, report: Report, whenEmpty: string, whenEmptyWords?: FieldWords): number {
  const match = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*%?\s*$/.exec(str(value));
  if (!match) {
    if (str(value).trim()) report(path, 'Enter a percentage like 7 or 7.5', issueWords('percentage').words);
    else report(path, whenEmpty, whenEmptyWords);
    return Number.NaN;
  }
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** A form that only names the item it acts on (delete). */
export const idInputSchema = z.object({ id: z.uuid('This item no longer exists') });
