/**
 * The sign-in page's `?error=` is whatever the link says, so it is never shown as given: a
 * next-auth error code gets its fixed message, anything else one generic line. (Our own
 * authorize messages — wrong password, locked, deactivated — reach the form in the answer to
 * its own sign-in request, never through the URL.)
 */
const MESSAGES: Record<string, string> = {
  CredentialsSignin: 'Wrong email or password.',
  SessionRequired: 'Sign in to continue.',
  AccessDenied: 'This account may not sign in here.',
  Configuration: 'Sign-in is unavailable right now. Try again in a moment.',
};
export const SIGN_IN_FAILED = 'Sign-in failed. Check what you entered and try again.';

export function signInErrorMessage(code: string | null | undefined): string | undefined {
  if (!code) return undefined;
  return Object.hasOwn(MESSAGES, code) ? MESSAGES[code] : SIGN_IN_FAILED;
}

/** The answer to the form's own sign-in request (from our server): a code's message, or our authorize message as sent. */
export function signInResultMessage(error: string | null | undefined): string {
  return (error && Object.hasOwn(MESSAGES, error) ? MESSAGES[error] : error) || SIGN_IN_FAILED;
}
