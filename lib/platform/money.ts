/**
 * Money is an integer count of the currency's minor unit (cents, pya, ...). Never a float.
 * The number of minor digits comes from CLDR via Intl, which follows what is used in practice
 * (MMK and JPY: 0, USD: 2, KWD: 3).
 */
const digitsCache = new Map<string, number>();

export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** 450 USD minor → "$4.50"; 2500 MMK → "MMK 2,500". */
export function formatMoney(minor: number, currency: string, locale = 'en'): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    minor / 10 ** digits,
  );
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
  const match = /^\s*(-)?(\d{1,12}(?:,\d{3})*|\d+)(?:\.(\d*))?\s*$/.exec(text);
  if (!match) return null;
  const [, minus, whole, fraction = ''] = match;
  if (fraction.length > digits) return null;
  const minor = Number(whole!.replaceAll(',', '')) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor)) return null;
  return minus ? -minor : minor;
}
