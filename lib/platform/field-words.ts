import type { ZodError } from 'zod';
import type { AppError, FieldWords, FormSay } from './errors';
import { translatorFor } from './i18n';
import { wordsOfIssue } from './issue-words';
import type { Locale } from './locale';

/**
 * A form field's problem in the reader's language, read from the zod issue's **code** and its
 * bounds (zod 4 ships no Burmese locale, so `z.config(z.locales.…)` cannot do it): "at least 3
 * characters", "choose one of the options", "enter a date". English keeps the schema's own
 * message (the modules write it for people: "Enter a name"). A `custom` issue (a refinement's
 * or a converted field's own sentence) has no code to read: it says itself through the words it
 * carries (issue-words.ts), and one without them is shown as sent.
 * The API's `{ error: { code, message, details } }` is untouched — this runs only where a server
 * action hands a form its field errors (docs/i18n.md › Form field errors).
 */
export type FieldIssue = ZodError['issues'][number];
type Key = Parameters<ReturnType<typeof translatorFor<'fieldErrors'>>>[0];

const FORMATS: Record<string, Key> = { email: 'email', url: 'url', date: 'date', datetime: 'date', time: 'time', uuid: 'id', guid: 'id', cuid: 'id', cuid2: 'id', ulid: 'id' };

/** The catalogue key and values for an issue, or null for one whose message is all there is (custom). */
function wordsOf(issue: FieldIssue): { key: Key; values?: Record<string, string | number> } | null {
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
    case 'custom': {
      const words = wordsOfIssue(issue);
      return words ? { key: words.key, values: words.values } : null;
    }
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

/**
 * How a server action's form says an error in `locale` (`toFormState(err, formWords(locale))`):
 * zod issues by their codes or words, an AppError by its words (`apiErrors`) and its details'
 * (`fieldErrors`); a refusal without words that names fields reads "Check the highlighted
 * fields."; anything else as sent. English keeps every message exactly as the modules wrote it.
 */
export function formWords(locale: Locale): FormSay {
  const errors = translatorFor(locale, 'errors');
  if (locale === 'en') {
    return { issue: (i) => i.message, error: (e) => e.message, field: (m) => m, checkFields: () => errors('checkFields') };
  }
  const refusal = translatorFor(locale, 'apiErrors');
  const field = translatorFor(locale, 'fieldErrors');
  return {
    issue: (i) => fieldIssueText(i, locale),
    error: (e: AppError) => {
      if (e.words) return refusal(e.words.key, e.words.values);
      const namesFields = Array.isArray(e.details) && e.details.some((d: { path?: unknown }) => d && typeof d.path === 'string');
      return namesFields && e.status < 500 ? errors('checkFields') : e.message;
    },
    field: (message: string, words: FieldWords | undefined) => (words ? field(words.key, words.values) : message),
    checkFields: () => errors('checkFields'),
  };
}
