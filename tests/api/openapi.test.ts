import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import * as documentRoute from '@/app/api/v1/openapi.json/route';
import { API_ROUTES } from '@/app/api/v1/openapi.json/routes';
import { ROUTES_FILE, documentedRoutes, routesFileText } from '@/scripts/openapi-routes';

/**
 * GET /api/v1/openapi.json (issue 17): made from the route modules and their handlers' zod
 * schemas. It lists every route on disk (the list is generated; out of date, this fails), each
 * method a route exports, and it is a valid OpenAPI 3.1 document.
 */
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

async function fetchDocument(): Promise<any> {
  const res = documentRoute.GET();
  expect(res.status).toBe(200);
  return res.json();
}

describe('the OpenAPI document', () => {
  it('is made from every route under app/api/v1 (run `npm run openapi:routes` after adding one)', () => {
    expect(readFileSync(ROUTES_FILE, 'utf8'), 'app/api/v1/openapi.json/routes.ts is out of date: npm run openapi:routes').toBe(routesFileText());
    expect(API_ROUTES.map((r) => r.path)).toEqual(documentedRoutes().map((r) => r.path));
  });

  it('has every method of every route, with its path parameters', async () => {
    const doc = await fetchDocument();
    let operations = 0;
    for (const { path, module } of API_ROUTES) {
      const template = path.replace(/\[([^\]]+)\]/g, '{$1}');
      for (const method of METHODS) {
        const op = doc.paths[template]?.[method.toLowerCase()];
        if (typeof (module as Record<string, unknown>)[method] !== 'function') {
          expect(op, `${method} ${template} is not a route`).toBeUndefined();
          continue;
        }
        operations++;
        expect(op, `${method} ${template}`).toBeDefined();
        const pathParams = (op.parameters ?? []).filter((p: { in: string }) => p.in === 'path').map((p: { name: string }) => p.name);
        expect(pathParams).toEqual([...path.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]));
      }
    }
    expect(operations).toBeGreaterThan(100);
    const ids = Object.values(doc.paths).flatMap((ops: any) => Object.values(ops).map((op: any) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("describes a checkout's body from the schema the handler parses, and the permission it needs", async () => {
    const checkout = (await fetchDocument()).paths['/api/v1/orders'].post;
    const body = checkout.requestBody.content['application/json'].schema;
    expect(body.type).toBe('object');
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(['lines', 'payments', 'placedAt', 'expectedTotal', 'type']));
    expect(body.required).toEqual(expect.arrayContaining(['type', 'lines']));
    expect(checkout['x-permission']).toBe('order:create');
    expect(checkout.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }));
  });

  it('describes API keys: the bearer scheme, and the scopes each operation needs', async () => {
    const doc = await fetchDocument();
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    const checkout = doc.paths['/api/v1/orders'].post;
    expect(checkout['x-scopes']).toEqual(['orders:write']);
    expect(checkout.security).toEqual([{ apiKey: [] }, { session: [] }]);
    expect(checkout.description).toContain('`orders:write`');
    // What no scope grants is for a signed-in person only: the key routes themselves, say.
    const mint = doc.paths['/api/v1/api-keys'].post;
    expect([mint['x-scopes'], mint.security]).toEqual([[], [{ session: [] }]]);
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(await fetchDocument());
    expect(result.errors ?? []).toEqual([]);
    expect([result.valid, validator.version]).toEqual([true, '3.1']);
  });
});
