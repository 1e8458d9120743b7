import { decimalToMinor } from './money';

/**
 * Reading a server action's FormData. Two meanings, named apart: a field as typed (a password's
 * spaces are part of it) but missing when blank, so the zod schema says "required"; and a
 * field trimmed to a plain string, where blank and missing are the same ('').
 */

/** The field as typed, or undefined when it is missing or only spaces. */
export function text(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** The field with surrounding spaces removed; '' when missing. */
export function trimmedText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** Every value of a repeated field (one per line of a form), files as ''. */
export function texts(formData: FormData, name: string): string[] {
  return formData.getAll(name).map((v) => (typeof v === 'string' ? v : ''));
}

/** An amount as typed in `currency`: blank → undefined, not an amount → NaN (the module's schema refuses it with a field error). */
export function amountOf(value: string | undefined, currency: string): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return decimalToMinor(value, currency) ?? Number.NaN;
}
