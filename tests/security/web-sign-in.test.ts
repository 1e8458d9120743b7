import { describe, expect, it } from 'vitest';
import { SIGN_IN_FAILED, signInErrorMessage, signInResultMessage, signInText, type SignInMessage } from '@/components/auth/sign-in-errors';
import { translatorFor } from '@/lib/platform/i18n';
import { authOptionsFor } from '@/lib/auth/next-auth-options';
import { safeCallbackPath } from '@/lib/auth/redirects';
import { createTenant } from '../helpers';

describe('safeCallbackPath', () => {
  it('keeps a path on this host with its query and fragment', () => {
    expect(safeCallbackPath('/admin')).toBe('/admin');
    expect(safeCallbackPath('/admin/orders?status=paid&from=2026-01-01#top')).toBe('/admin/orders?status=paid&from=2026-01-01#top');
    expect(safeCallbackPath('/register/../admin')).toBe('/admin');
    expect(safeCallbackPath('/search?q=caf%C3%A9')).toBe('/search?q=caf%C3%A9');
  });

  it('sends everything else to /', () => {
    for (const value of [
      undefined,
      null,
      '',
      'admin',
      '//evil.example',
      '///evil.example',
      '/\\evil.example',
      '/\t/evil.example', // what ?callbackUrl=/%09/evil.example decodes to: browsers drop the tab
      '/%09/evil.example', // the same, encoded once more
      '/\n/evil.example',
      '/\r\n/evil.example',
      '/%0d%0a/evil.example',
      '/%2F/evil.example',
      '/%2f%2fevil.example',
      '/%5Cevil.example',
      '/admin\\..\\..\\evil',
      '/%E0%A4%A', // malformed escape
      'https://evil.example',
      'http://tenant.invalid/admin',
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' /admin',
      '\t//evil.example',
      'data:text/html,<script>alert(1)</script>',
    ]) {
      expect(safeCallbackPath(value), String(value)).toBe('/');
    }
  });
});

describe("next-auth's redirect callback", () => {
  const baseUrl = 'http://acme.localhost:3000';

  it('keeps only paths on this host, absolute or relative', async () => {
    const { tenant } = await createTenant();
    const redirect = authOptionsFor(tenant).callbacks?.redirect;
    expect(redirect).toBeTypeOf('function');
    const to = (url: string) => redirect!({ url, baseUrl });
    expect(await to('/admin?x=1')).toBe(`${baseUrl}/admin?x=1`);
    expect(await to(`${baseUrl}/register`)).toBe(`${baseUrl}/register`);
    expect(await to(baseUrl)).toBe(`${baseUrl}/`);
    for (const evil of ['/\t/evil.example', '//evil.example', '/\\evil.example', 'https://evil.example/', `${baseUrl}.evil.example/`, `${baseUrl}//evil.example`]) {
      expect(await to(evil), evil).toBe(`${baseUrl}/`);
    }
  });
});

describe('sign-in error messages', () => {
  const en = translatorFor('en', 'signin');
  const my = translatorFor('my', 'signin');
  const text = (m: SignInMessage | undefined, t = en) => m && signInText(m, t);
  it("maps next-auth's codes in ?error= to fixed messages, and any other text to one generic line", () => {
    expect(text(signInErrorMessage('CredentialsSignin'))).toBe('Wrong email or password.');
    expect(text(signInErrorMessage('CredentialsSignin'), my)).toBe('အီးမေးလ် သို့မဟုတ် စကားဝှက် မှားနေပါသည်။');
    expect(text(signInErrorMessage('SessionRequired'))).toBe('Sign in to continue.');
    expect(signInErrorMessage(undefined)).toBeUndefined();
    expect(signInErrorMessage('')).toBeUndefined();
    for (const text of ['Your account is suspended. Call +1 555 0100 to restore it.', 'Wrong email or password.', 'constructor', '__proto__', 'toString']) {
      expect(signInErrorMessage(text), text).toBe(SIGN_IN_FAILED);
    }
  });

  it("shows the form's own sign-in answer: our authorize message, or a code's message", () => {
    expect(text(signInResultMessage('Too many failed attempts. Try again in 15 minutes.'))).toBe('Too many failed attempts. Try again in 15 minutes.');
    expect(text(signInResultMessage('CredentialsSignin'))).toBe('Wrong email or password.');
    // Our own authorize answer (English, as the API speaks) reads in the reader's language.
    expect(text(signInResultMessage('Wrong PIN.'), my)).toBe('PIN နံပါတ် မှားနေပါသည်။');
    expect(signInResultMessage(undefined)).toBe(SIGN_IN_FAILED);
    expect(text(signInResultMessage('constructor'))).toBe('constructor');
  });
});
