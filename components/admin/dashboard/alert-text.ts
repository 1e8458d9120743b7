import type { Alert } from '@/lib/analytics';
import type { Formats } from '@/lib/platform/formats';
import type { Messages } from '@/lib/platform/i18n';

/** The `admin.alerts` words (`getTranslations('admin.alerts')`, `translatorFor(locale, 'admin')` narrowed). */
export type AlertWordsT = (key: keyof Messages['admin']['alerts'], values?: Record<string, string | number>) => string;

/**
 * An alert's sentence in the reader's language, from its `message` (a key and values that
 * lib/analytics computes), with money and dates in the reader's formats. English reads exactly as
 * the alert's `title` (tests/analytics/alerts.test.ts).
 */
export function alertText(alert: Pick<Alert, 'message'>, currency: string, t: AlertWordsT, f: Formats): string {
  const { key, params } = alert.message;
  const money = (minor: number) => f.money(minor, currency);
  const when = 'today' in params && params.today ? t('today') : t('onDay', { day: f.day(params.date, 'long') });
  const weekday = f.day(params.date, 'weekday');
  const usual = (show: (n: number) => string) => {
    if (!('usualLow' in params)) return '';
    const { usualLow: low, usualHigh: high } = params;
    if (low === high) return low === 0 ? t('usualNone') : show(low);
    return t('usualRange', { low: show(low), high: show(high) });
  };
  switch (key) {
    case 'staffRefundsCount':
    case 'staffVoidsCount':
    case 'staffRefundsMoney':
    case 'staffVoidsMoney':
      return t(key, {
        name: params.name ?? t('formerStaff'),
        count: params.count,
        amount: money(params.amount),
        when,
        usual: usual(key.endsWith('Count') ? f.number : money),
        weekday,
      });
    case 'drawerShort':
      return t(key, {
        register: params.register,
        name: params.name ?? t('formerStaffShift'),
        short: money(params.short),
        when,
        counted: money(params.counted),
        expected: money(params.expected),
        tolerance: money(params.tolerance),
      });
    case 'salesSoFar':
      return t(key, { amount: money(params.amount), by: params.by, usual: usual(money), weekday });
    case 'salesDay':
      return t(key, { amount: money(params.amount), when, usual: usual(money), weekday });
  }
}
