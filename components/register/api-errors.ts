import { useTranslations } from 'next-intl';
import type { Messages } from '@/lib/platform/i18n';
import type { ApiError } from './api';

/**
 * /api/v1 answers in English (its error `message`s are for logs and integrations). Where the
 * register shows one, it is translated by what it is, as sign-in does
 * (components/auth/sign-in-errors.ts): a client-side code (no answer, cancelled) or a server
 * message the register knows gets its key in the `apiErrors` namespace; any other text is shown
 * as the server sent it (never hidden, never guessed).
 */
export type ApiErrorKey = keyof Messages['apiErrors'];
type Known = { key: ApiErrorKey; values?: Record<string, string | number> };

/** Codes made in the browser (components/register/api.ts), not by the server. */
const CODES: Record<string, ApiErrorKey> = {
  network: 'network',
  aborted: 'cancelled',
  // The offline register's refusals (use-sale.ts, use-quote.ts; docs/offline.md).
  offline_card: 'offline_card',
  offline_whole: 'offline_whole',
  offline_limit: 'offline_limit',
  offline_discount: 'offline_discount',
  offline_discount_typed: 'offline_discount_typed',
  offline_discount_approval: 'offline_discount_approval',
  offline_customer: 'offline_customer',
  offline_item: 'offline_item',
  offline_too_large: 'offline_too_large',
};

/** The server's fixed messages the register meets (lib/payments, lib/orders, lib/auth), by their English text. */
const SERVER_MESSAGES: Record<string, ApiErrorKey> = {
  'The card was declined.': 'cardDeclined',
  'The card was declined: insufficient funds.': 'insufficientFunds',
  'The card has expired.': 'cardExpired',
  'The card service is not answering — nothing was charged. Take cash or try again.': 'cardNotAnswering',
  'Card payments are unavailable right now — nothing was charged. Take cash.': 'cardsUnavailable',
  'The card service did not answer, so the card may have been charged. Checking the card — do not charge it again.': 'cardMaybeCharged',
  'The card service has no record of this card payment.': 'cardNoRecord',
  'The card payment was never completed, so there is nothing to refund on the card.': 'cardNeverCompleted',
  'The card service says that is more than is left to refund on this card.': 'cardRefundTooMuch',
  'The card could not be read. Try again or take cash.': 'cardUnreadable',
  'The card service could not process this request.': 'cardRequestFailed',
  'The card service refused the request.': 'cardRefused',
  'The database is not answering right now. Try again in a moment.': 'databaseDown',
  'A service the app needs is not answering right now. Try again in a moment.': 'serviceDown',
  'Wrong PIN.': 'wrongPin',
  'Your role does not allow this': 'roleNotAllowed',
  'Sign in to continue': 'signInToContinue',
  'The total has changed (prices were updated). Check the order and try again.': 'totalChanged',
  'Add at least one item before checking out': 'addItemFirst',
  'A card payment for this order is still being confirmed; wait a moment': 'cardStillConfirming',
  'A card payment for this order is still being confirmed; wait a moment before splitting the bill': 'cardStillConfirmingSplit',
  'A card payment for this order is still being confirmed; wait a moment before taking another payment': 'cardStillConfirmingPay',
  'Money was already taken on the whole order; take the rest as a whole too': 'paidAsWhole',
  'Only a paid order can be refunded; void an unpaid one instead': 'refundOnlyPaid',
  'There is not enough paid on this order to refund that much': 'refundTooMuch',
  'This shift is already closed': 'shiftAlreadyClosed',
  'This shift is closed': 'shiftClosed',
  'This shift is closed; open a new one': 'shiftClosedOpenNew',
  'No such shift': 'noSuchShift',
  'No such customer': 'noSuchCustomer',
  'No such table': 'noSuchTable',
  // The register's own refusals before it asks the server (use-sale.ts).
  'Open a shift first.': 'openShiftFirst',
  'Wait for the total to update.': 'waitForTotal',
  'Check the order out first.': 'checkOutFirst',
  'Another customer has this phone number': 'phoneTaken',
  'The customer does not have enough points for this reward': 'notEnoughPoints',
  'This business has no location yet': 'noLocation',
};

const SERVER_ANSWERED = /^The server answered (\d+)\.$/;

export function knownApiError(error: Pick<ApiError, 'code' | 'message'>): Known | null {
  if (Object.hasOwn(CODES, error.code)) return { key: CODES[error.code]! };
  const message = error.message.trim();
  if (Object.hasOwn(SERVER_MESSAGES, message)) return { key: SERVER_MESSAGES[message]! };
  const answered = SERVER_ANSWERED.exec(message);
  if (answered) return { key: 'serverAnswered', values: { status: answered[1]! } };
  return null;
}

/** The `apiErrors` translator, as a component's `useTranslations('apiErrors')` gives it. */
export type ApiErrorT = (key: ApiErrorKey, values?: Record<string, string | number>) => string;

/** The text to show for an API error (or a server message alone): translated when known, else as sent. */
export function apiErrorText(error: Pick<ApiError, 'code' | 'message'> | string, t: ApiErrorT): string {
  const e = typeof error === 'string' ? { code: '', message: error } : error;
  const known = knownApiError(e);
  return known ? t(known.key, known.values) : e.message;
}

/** `apiErrorText` bound to this page's reader. */
export function useApiErrorText(): (error: Pick<ApiError, 'code' | 'message'> | string) => string {
  const t = useTranslations('apiErrors');
  return (error) => apiErrorText(error, t as unknown as ApiErrorT);
}
