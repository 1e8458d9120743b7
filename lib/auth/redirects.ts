const BASE = 'http://tenant.invalid';
/** Tabs, newlines and other controls (browsers drop them from URLs: `/\t/evil` becomes `//evil`) and backslashes (read as `/`). */
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

/**
 * Where to send someone after sign-in: a path on this same host, or `/`. Accepts only a
 * relative path with a single leading slash whose decoded form has no control characters or
 * backslashes and that still resolves to this origin — never `//evil`, `/\evil`,
 * `/%09/evil`, `https://evil` or `javascript:`. Returns the path, query and fragment.
 */
export function safeCallbackPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//')) return '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return '/';
  }
  if (UNSAFE.test(value) || UNSAFE.test(decoded) || decoded.startsWith('//')) return '/';
  const url = new URL(value, BASE);
  return url.origin === BASE ? url.pathname + url.search + url.hash : '/';
}

/**
 * next-auth's `redirect` callback: `url` is a callbackUrl (absolute on this host, or a path).
 * next-auth's own default keeps the host but passes `/\t/x`-style paths along as they are.
 */
export function safeRedirectUrl({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const path = url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url;
  return `${baseUrl}${safeCallbackPath(path)}`;
}
