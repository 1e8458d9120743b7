import { ApiReference } from '@scalar/nextjs-api-reference';
import { getTranslations } from 'next-intl/server';
import type { NextRequest } from 'next/server';
import { hostTenant } from '@/lib/auth';
import { AppError, toErrorResponse } from '@/lib/platform/errors';

/**
 * /developers on a business's host: GET /api/v1/openapi.json in Scalar's API reference
 * (@scalar/nextjs-api-reference). Its script is served by this app (./scalar.js, from the
 * @scalar/api-reference package), not Scalar's CDN; no default fonts (fonts.scalar.com), no
 * telemetry, no chat agent. The page's CSP allows scripts by nonce only, so the two script tags Scalar writes
 * get this request's nonce. Public like the document itself: it shows no business's data.
 */
export async function GET(req: NextRequest): Promise<Response> {
  let business: string;
  try {
    business = (await hostTenant(req.headers)).name;
  } catch (err) {
    if (err instanceof AppError) return toErrorResponse(err);
    throw err;
  }
  const t = await getTranslations('developers');
  const render = ApiReference({
    url: '/api/v1/openapi.json',
    cdn: '/developers/scalar.js',
    pageTitle: t('viewer.title', { business }),
    withDefaultFonts: false,
    telemetry: false,
    // Scalar's chat agent (on by default for localhost hosts) would call proxy.scalar.com.
    agent: { disabled: true },
    authentication: { preferredSecurityScheme: 'apiKey' },
  });
  const html = await render().text();
  const nonce = /'nonce-([^']+)'/.exec(req.headers.get('content-security-policy') ?? '')?.[1];
  const body = nonce ? html.replaceAll('<script', `<script nonce="${nonce}"`) : html;
  return new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}
