/**
 * The sign-in page's `?error=` is whatever the link says, so it is never shown as given: a
 * next-auth error code gets its fixed message, anything else one generic line. (Our own
 * authorize messages — wrong password, locked, deactivated — reach the form in the answer to
 * its own sign-in request, never through the URL.) Messages are keys of the `signin` catalogue
 * namespace: the server's English text is matched to the key that says the same in the reader's
 * language (an unknown one is shown as the server sent it).
 */
const CODES = {
  CredentialsSignin: 'wrongCredentials',
  SessionRequired: 'sessionRequired',
  AccessDenied: 'accessDenied',
  Configuration: 'unavailable',
} as const;

/** What lib/auth's authorize answers (English, as /api stays), and the key that translates it. */
const SERVER_MESSAGES = {
  'Wrong email or password.': 'wrongCredentials',
  'This account is deactivated. Ask an owner or manager.': 'deactivated',
  'Wrong PIN.': 'wrongPin',
  'Owners sign in with their email and password here.': 'ownersUsePassword',
  "Sign in at your store's own address.": 'wrongStore',
  'Fill in every field correctly.': 'fillEveryField',
  'Sign-in is unavailable right now. Try again in a moment.': 'unavailable',
} as const;

export type SignInMessageKey = (typeof CODES)[keyof typeof CODES] | (typeof SERVER_MESSAGES)[keyof typeof SERVER_MESSAGES] | 'failed';
/** A key of the `signin` namespace, or the server's own text when it has none. */
export type SignInMessage = { key: SignInMessageKey } | { text: string };

export const SIGN_IN_FAILED: SignInMessage = { key: 'failed' };

export function signInErrorMessage(code: string | null | undefined): SignInMessage | undefined {
  if (!code) return undefined;
  return Object.hasOwn(CODES, code) ? { key: CODES[code as keyof typeof CODES] } : SIGN_IN_FAILED;
}

/** The answer to the form's own sign-in request (from our server): a code's message, our authorize message's key, or its text as sent. */
export function signInResultMessage(error: string | null | undefined): SignInMessage {
  if (!error) return SIGN_IN_FAILED;
  if (Object.hasOwn(CODES, error)) return { key: CODES[error as keyof typeof CODES] };
  if (Object.hasOwn(SERVER_MESSAGES, error)) return { key: SERVER_MESSAGES[error as keyof typeof SERVER_MESSAGES] };
  return { text: error };
}

/** The text to show: the key through the reader's `signin` translator, or the server's own text. */
export const signInText = (message: SignInMessage, t: (key: SignInMessageKey) => string): string => ('key' in message ? t(message.key) : message.text);
