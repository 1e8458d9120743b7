/** Small display helpers shared by the catalog pages (server and client). */
import type { Messages } from '@/lib/platform/i18n';

/** The `admin.catalog.modifiers` words (`useTranslations`, `getTranslations`). */
export type ModifierWordsT = (key: keyof Messages['admin']['catalog']['modifiers'], values?: Record<string, string | number>) => string;

/** 750 → "7.5%" */
export const formatRate = (basisPoints: number): string => `${percentText(basisPoints)}%`;

/** 750 → "7.5" (the percent input's text; exact, no float noise). */
export function percentText(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const rest = String(basisPoints % 100).padStart(2, '0').replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : String(whole);
}

/** The rule of a modifier group in the reader's words: "Required · choose 1", "Optional · up to 3". */
export function choiceRule(minSelect: number, maxSelect: number, t: ModifierWordsT): string {
  if (minSelect === 0) return t('ruleOptional', { max: maxSelect });
  if (minSelect === maxSelect) return t('ruleExact', { n: minSelect });
  return t('ruleRange', { min: minSelect, max: maxSelect });
}
