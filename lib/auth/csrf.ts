import type { NextRequest } from 'next/server';
import { AppError } from '@/lib/platform/errors';
import { requestOrigin } from '@/lib/platform/security-headers';

/**
 * Cross-site request forgery guard for cookie-authenticated mutations. Every tenant host is a
 * same-site sibling of every other (`evil.<root>` and `acme.<root>`), so SameSite=Lax does not
 * keep the session cookie off a sibling's form post. Two checks, either of which stops it:
 *
 * - The browser says where the request came from: `Origin` must be this host's own origin;
 *   without Origin, `Sec-Fetch-Site` must be `same-origin` (or `none`: typed by the user).
 *   A request with neither comes from no browser (curl, a script), which has no ambient
 *   cookie to abuse, so it passes.
 * - A body must have the route's declared type. HTML forms can only send urlencoded,
 *   multipart or text/plain; any other type from another origin needs a CORS preflight,
 *   which this API never grants.
 *
 * Returns the body, read only after the origin passed. `checkOrigin: false` is for a request
 * proved by an API key in its Authorization header (api-keys.ts): a browser cannot be made to
 * send that header cross-site without a CORS preflight, which this API never grants.
 */
export async function sameOriginBody(req: NextRequest, bodyType: string, { checkOrigin = true }: { checkOrigin?: boolean } = {}): Promise<string> {
  const origin = req.headers.get('origin');
  const site = req.headers.get('sec-fetch-site');
  const sameOrigin =
    origin !== null ? origin.toLowerCase() === requestOrigin(req).toLowerCase() : site === null || site === 'same-origin' || site === 'none';
  if (checkOrigin && !sameOrigin) throw new AppError('forbidden', 'Cross-site requests are not allowed');
  const body = await req.text();
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (body !== '' && type !== bodyType) throw new AppError('forbidden', `Send the request body as ${bodyType}`);
  return body;
}
