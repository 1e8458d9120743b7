import { z } from 'zod';

/**
 * The OpenAPI 3.1 document of /api/v1, made from the route modules themselves: their paths, the
 * methods they export, and what each handler declared (tenantRoute's `body` schema and
 * `permission`, read off the handler). The request bodies are the same zod schemas the handlers
 * parse with, as JSON Schema (zod 4's `toJSONSchema`, input side), so the document cannot drift
 * from the code. Answers are described by their status classes and the one error shape; their
 * bodies are not typed yet.
 */
export type ApiRouteModule = { path: string; module: Record<string, unknown> };

type Handler = ((...args: never[]) => unknown) & { body?: z.ZodType; permission?: string };
type JsonSchema = Record<string, unknown>;

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const MUTATIONS = new Set<string>(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Which API key scopes grant a permission (lib/auth/api-scopes.ts; the floor imports no module, so the caller passes it). */
export type ScopesFor = (permission: string) => readonly string[];

export function openApiDocument(routes: ApiRouteModule[], version: string, scopesFor: ScopesFor = () => []): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const { path, module } of [...routes].sort((a, b) => a.path.localeCompare(b.path))) {
    const template = path.replace(/\[([^\]]+)\]/g, '{$1}');
    const params = [...path.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!);
    for (const method of METHODS) {
      const handler = module[method] as Handler | undefined;
      if (typeof handler !== 'function') continue;
      (paths[template] ??= {})[method.toLowerCase()] = operation(template, method, params, handler, scopesFor);
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tillwise API',
      version,
      description:
        "Every request goes to the business's own host (`<business>.<root domain>`): the host is the tenant. Integrations send `Authorization: Bearer <API key>` (an owner creates keys in Admin › Developers); each operation names the scopes a key needs (`x-scopes`). Answers to a key carry `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`; past the key's limit the answer is 429 with `Retry-After`. Mutations take an `Idempotency-Key` header: the same key and body answer the first answer again. Errors are `{ error: { code, message, details? } }`.",
    },
    servers: [{ url: '/', description: "The business's own host" }],
    security: [{ apiKey: [] }, { session: [] }],
    paths,
    components: {
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'tw_live_<prefix>_<secret>',
          description: "An API key of this business (Admin › Developers), acting with the permissions of its scopes. Another business's key, a revoked or an expired one: 401; a key without the operation's scope: 403.",
        },
        session: { type: 'apiKey', in: 'cookie', name: 'next-auth.session-token', description: 'A staff session (signed in on this host); `__Secure-next-auth.session-token` over HTTPS.' },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string', examples: ['unprocessable', 'not_found', 'conflict'] },
                message: { type: 'string' },
                details: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
              },
            },
          },
        },
      },
      responses: {
        Error: { description: 'Refused: the error says why', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    },
  };
}

function operation(template: string, method: string, params: string[], handler: Handler, scopesFor: ScopesFor): JsonSchema {
  const segments = template.replace(/^\/api\/v1\/?/, '').split('/').filter(Boolean);
  const parameters: JsonSchema[] = params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  if (MUTATIONS.has(method)) {
    parameters.push({ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 }, description: 'Makes a retry safe: the same key and body get the first answer again.' });
  }
  const scopes = handler.permission ? [...scopesFor(handler.permission)] : [];
  const needs = handler.permission
    ? `Needs the \`${handler.permission}\` permission: ${scopes.length ? `an API key with the ${scopes.map((s) => `\`${s}\``).join(' or ')} scope` : 'a signed-in person (no API key scope grants it)'}.`
    : '';
  return {
    operationId: operationId(method, segments),
    tags: [segments[0] ?? 'api'],
    ...(handler.permission
      ? { 'x-permission': handler.permission, 'x-scopes': scopes, description: needs, security: scopes.length ? [{ apiKey: [] }, { session: [] }] : [{ session: [] }] }
      : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(handler.body ? { requestBody: { required: true, content: { 'application/json': { schema: bodySchema(handler.body) } } } } : {}),
    responses: {
      '2XX': { description: 'Done' },
      '4XX': { $ref: '#/components/responses/Error' },
      '5XX': { $ref: '#/components/responses/Error' },
    },
  };
}

/** `get`, `post` … then the path's words in camel case, `{id}` as `ById`: `getOrdersById`, `postOrdersByIdPayments`. */
function operationId(method: string, segments: string[]): string {
  const words = segments.map((s) => {
    const param = /^\{(.+)\}$/.exec(s);
    const word = (param ? `by-${param[1]}` : s).replace(/[^a-zA-Z0-9]+(.)/g, (_, c: string) => c.toUpperCase());
    return word.charAt(0).toUpperCase() + word.slice(1);
  });
  return `${method.toLowerCase()}${words.join('')}`;
}

function bodySchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return json;
}
