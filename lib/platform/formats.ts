import { dateTimeFormat, formatDay, formatDuration, type DayStyle, type MomentStyle } from './format-time';
import { INTL_LOCALE, type CurrencyDisplay, type Locale } from './locale';
import { formatMoney } from './money';

/**
 * Every way Tillwise writes a value for a reader, bound to one language and the tenant's
 * currency display: server code makes one with `formatsFor` from the locale it resolved, client
 * components get the page's from `useFormats()` (components/ui/formats.tsx). The functions are
 * format-time.ts and money.ts; this only fixes their locale arguments, so both stay the one
 * place that says how a date or an amount looks.
 */
export type Formats = {
  locale: Locale;
  money: (minor: number, currency: string) => string;
  /** "+MMK 500", "−$0.50", or "" for a zero delta. */
  moneyDelta: (delta: number, currency: string) => string;
  dateTime: (at: Date | string | number, timeZone: string, style?: MomentStyle) => string;
  day: (date: string, style?: DayStyle) => string;
  duration: (ms: number) => string;
  /** A count or a plain number in the reader's digits. */
  number: (value: number) => string;
};

const made = new Map<string, Formats>();

export function formatsFor(locale: Locale = 'en', display: CurrencyDisplay = 'code'): Formats {
  const key = `${locale}|${display}`;
  let f = made.get(key);
  if (!f) {
    const numbers = new Intl.NumberFormat(INTL_LOCALE[locale]);
    const money = (minor: number, currency: string) => formatMoney(minor, currency, { locale, display });
    f = {
      locale,
      money,
      moneyDelta: (delta, currency) => (delta === 0 ? '' : `${delta > 0 ? '+' : '−'}${money(Math.abs(delta), currency)}`),
      dateTime: (at, timeZone, style = 'dateTime') => dateTimeFormat(timeZone, style, locale).format(typeof at === 'object' ? at : new Date(at)),
      day: (date, style) => formatDay(date, style, locale),
      duration: (ms) => formatDuration(ms, locale),
      number: (value) => numbers.format(value),
    };
    made.set(key, f);
  }
  return f;
}
