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
