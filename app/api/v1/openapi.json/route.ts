import { scopesGranting, type Permission } from '@/lib/auth';
import { openApiDocument } from '@/lib/platform/openapi';
import packageJson from '@/package.json';
import { API_ROUTES } from './routes';

/**
 * GET /api/v1/openapi.json — the API's OpenAPI 3.1 document, made from the route modules and the
 * zod schemas their handlers parse with (lib/platform/openapi.ts). The same on every host and for
 * everyone: it describes what exists, not anyone's data.
 */
let document: Record<string, unknown> | undefined;

export function GET(): Response {
  document ??= openApiDocument(API_ROUTES, packageJson.version, (permission) => scopesGranting(permission as Permission));
  return Response.json(document, { headers: { 'cache-control': 'public, max-age=300' } });
}
