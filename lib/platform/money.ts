/**
 * Money is an integer count of the currency's minor unit (cents, pya, ...). Never a float.
 * The number of minor digits comes from CLDR via Intl, which follows what is used in practice
 * (MMK and JPY: 0, USD: 2, KWD: 3).
 */
import { INTL_LOCALE, type CurrencyDisplay, type Locale } from './locale';

const digitsCache = new Map<string, number>();

export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/**
 * How an amount reads: the interface language and the tenant's currency display
 * (tenant_settings.currency_display). `code` is Intl's own ("MMK 2,500", "$4.50"; Burmese
 * "၂,၅၀၀ MMK"); `local` is what a shop in Myanmar writes: "2,500 Ks", in Burmese "၂,၅၀၀ ကျပ်"
 * (Intl has no such form; other currencies get their narrow symbol, "$4.50"). Burmese uses
 * Myanmar digits, as Intl does for `my`.
 */
export type MoneyStyle = { locale?: Locale; display?: CurrencyDisplay };

const KYAT_WORD: Record<Locale, string> = { en: 'Ks', my: 'ကျပ်' };
const numberFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, locale: Locale, display: CurrencyDisplay): Intl.NumberFormat {
  const key = `${currency}|${locale}|${display}`;
  let f = numberFormats.get(key);
  if (!f) {
    const digits = minorDigits(currency);
    const kyat = display === 'local' && currency === 'MMK';
    const options: Intl.NumberFormatOptions = kyat
      ? { minimumFractionDigits: digits, maximumFractionDigits: digits }
      : { style: 'currency', currency, currencyDisplay: display === 'local' ? 'narrowSymbol' : locale === 'en' ? 'symbol' : 'code', minimumFractionDigits: digits, maximumFractionDigits: digits };
    // English money keeps Intl's plain `en` ("$4.50", not en-GB's "US$4.50").
    f = new Intl.NumberFormat(locale === 'en' ? 'en' : INTL_LOCALE[locale], options);
    numberFormats.set(key, f);
  }
  return f;
}

/** 450 USD minor → "$4.50"; 2500 MMK → "MMK 2,500", with `{ display: 'local' }` "2,500 Ks", and in Burmese "၂,၅၀၀ ကျပ်". */
export function formatMoney(minor: number, currency: string, { locale = 'en', display = 'code' }: MoneyStyle = {}): string {
  const amount = moneyFormat(currency, locale, display).format(minor / 10 ** minorDigits(currency));
  return display === 'local' && currency === 'MMK' ? `${amount} ${KYAT_WORD[locale]}` : amount;
}

/** 450 USD minor → "4.50" (no symbol, no grouping: for inputs and CSV). */
export function minorToDecimal(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const units = Math.floor(abs / 10 ** digits);
  return `${sign}${units}.${String(abs % 10 ** digits).padStart(digits, '0')}`;
}

/**
 * "4.5" USD → 450; "2,500" MMK → 2500. Exact string arithmetic (no float rounding); null when
 * the text is not an amount or has more decimals than the currency allows.
 */
export function decimalToMinor(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  // A Burmese keyboard types Myanmar digits (၀–၉): they are the same amount.
  text = text.replace(/[\u1040-\u1049]/g, (d) => String(d.charCodeAt(0) - 0x1040));
  const match = /^\s*(-)?(\d{1,12}(?:,\d{3})*|\d+)(?:\.(\d*))?\s*$/.exec(text);
  if (!match) return null;
  const [, minus, whole, fraction = ''] = match;
  if (fraction.length > digits) return null;
  const minor = Number(whole!.replaceAll(',', '')) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor)) return null;
  return minus ? -minor : minor;
}
