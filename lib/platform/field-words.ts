import type { ZodError } from 'zod';
import { translatorFor } from './i18n';
import type { Locale } from './locale';

/**
 * A form field's problem in the reader's language, read from the zod issue's **code** and its
 * bounds (zod 4 ships no Burmese locale, so `z.config(z.locales.…)` cannot do it): "at least 3
 * characters", "choose one of the options", "enter a date". English keeps the schema's own
 * message (the modules write it for people: "Enter a name"), and so does a `custom` issue (a
 * refinement's sentence) in every language: there is no code to read, so it is shown as sent.
 * The API's `{ error: { code, message, details } }` is untouched — this runs only where a server
 * action hands a form its field errors (docs/i18n.md › Form field errors).
 */
export type FieldIssue = ZodError['issues'][number];
type Key = Parameters<ReturnType<typeof translatorFor<'fieldErrors'>>>[0];

const FORMATS: Record<string, Key> = { email: 'email', url: 'url', date: 'date', datetime: 'date', time: 'time', uuid: 'id', guid: 'id', cuid: 'id', cuid2: 'id', ulid: 'id' };

/** The catalogue key and values for an issue, or null for one whose message is all there is (custom). */
function wordsOf(issue: FieldIssue): { key: Key; values?: Record<string, number> } | null {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return { key: 'wholeNumber' };
      // zod reports a missing field as "…, received undefined" (the input itself is not kept).
      return { key: /received undefined$/.test(issue.message) ? 'required' : 'invalid' };
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return minimum <= 1 ? { key: 'required' } : { key: 'tooShort', values: { minimum } };
      if (issue.origin === 'array' || issue.origin === 'set') return minimum <= 1 ? { key: 'chooseOne' } : { key: 'tooFew', values: { minimum } };
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return { key: issue.inclusive === false ? 'moreThan' : 'atLeast', values: { minimum } };
      return { key: 'invalid' };
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return { key: 'tooLong', values: { maximum } };
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'tooMany', values: { maximum } };
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return { key: issue.inclusive === false ? 'lessThan' : 'atMost', values: { maximum } };
      return { key: 'invalid' };
    }
    case 'invalid_format':
      return { key: FORMATS[issue.format] ?? 'format' };
    case 'not_multiple_of':
      return { key: 'multipleOf', values: { divisor: Number(issue.divisor) } };
    case 'invalid_value':
      return { key: 'choose' };
    case 'custom':
      return null;
    default:
      return { key: 'invalid' };
  }
}

/** `issue`'s text for a form in `locale`: the schema's message in English, our words by its code in Myanmar. */
export function fieldIssueText(issue: FieldIssue, locale: Locale): string {
  if (locale === 'en') return issue.message;
  const words = wordsOf(issue);
  if (!words) return issue.message;
  return translatorFor(locale, 'fieldErrors')(words.key, words.values);
}

/** `fieldIssueText` bound to a locale, for `fieldErrorsOf` / `toFormState`. */
export const fieldIssueWords = (locale: Locale) => (issue: FieldIssue) => fieldIssueText(issue, locale);
