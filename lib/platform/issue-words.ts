import type { FieldWords } from './errors';

/**
 * The words of a refinement's or a converted field's own sentence, carried in the zod issue's
 * `params` so a form can say it in the reader's language (field-words.ts reads them): a
 * `custom` issue has no code of its own to read. Catalogue-free, so client-side schemas can use it.
 *
 *   .refine(check, { message: 'Each tip preset once', params: issueWords('tipPresetOnce') })
 *   ctx.addIssue({ code: 'custom', path, message: 'Say what happened', params: issueWords('sayWhat') })
 */
export const issueWords = (key: FieldWords['key'], values?: FieldWords['values']): { words: FieldWords } => ({ words: values ? { key, values } : { key } });

/** The words an issue carries, if any (a `custom` issue made with issueWords). */
export function wordsOfIssue(issue: { code: string; params?: unknown }): FieldWords | undefined {
  if (issue.code !== 'custom' || !issue.params || typeof issue.params !== 'object') return undefined;
  const words = (issue.params as { words?: unknown }).words;
  return words && typeof words === 'object' && typeof (words as { key?: unknown }).key === 'string' ? (words as FieldWords) : undefined;
}
