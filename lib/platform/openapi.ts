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

export function openApiDocument(routes: ApiRouteModule[], version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const { path, module } of [...routes].sort((a, b) => a.path.localeCompare(b.path))) {
    const template = path.replace(/\[([^\]]+)\]/g, '{$1}');
    const params = [...path.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!);
    for (const method of METHODS) {
      const handler = module[method] as Handler | undefined;
      if (typeof handler !== 'function') continue;
      (paths[template] ??= {})[method.toLowerCase()] = operation(template, method, params, handler);
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tillwise API',
      version,
      description:
        "Every request goes to the business's own host (`<business>.<root domain>`): the host is the tenant. Mutations take an `Idempotency-Key` header: the same key and body answer the first answer again. Errors are `{ error: { code, message, details? } }`.",
    },
    servers: [{ url: '/', description: "The business's own host" }],
    security: [{ session: [] }],
    paths,
    components: {
      securitySchemes: {
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

function operation(template: string, method: string, params: string[], handler: Handler): JsonSchema {
  const segments = template.replace(/^\/api\/v1\/?/, '').split('/').filter(Boolean);
  const parameters: JsonSchema[] = params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  if (MUTATIONS.has(method)) {
    parameters.push({ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 }, description: 'Makes a retry safe: the same key and body get the first answer again.' });
  }
  return {
    operationId: operationId(method, segments),
    tags: [segments[0] ?? 'api'],
    ...(handler.permission ? { 'x-permission': handler.permission, description: `Needs the \`${handler.permission}\` permission.` } : {}),
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
