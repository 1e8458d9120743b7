import type { z } from 'zod';
import { tenantRoute } from '@/lib/auth';
import { listQuerySchema, type ReferenceService } from '@/lib/catalog';
import { idParam } from '@/lib/platform/validation';

/**
 * Route handlers for one kind of catalog reference data (categories, tax classes, modifier
 * groups, saved discounts): the same REST shape for each, so each route file stays two lines long. Paging
 * and the PATCH merge are the catalog's (lib/catalog/service.ts); here is only HTTP.
 */
export function referenceCollectionRoutes(service: ReferenceService, input: z.ZodType, path: string) {
  return {
    GET: tenantRoute(
      async ({ ctx, searchParams }) => Response.json(await service.page(ctx, listQuerySchema.parse(Object.fromEntries(searchParams)))),
      { permission: 'catalog:read' },
    ),
    POST: tenantRoute(
      async ({ ctx, body }) => {
        const item = await service.create(ctx, body as never);
        return Response.json(item, { status: 201, headers: { Location: `${path}/${item.id}` } });
      },
      { permission: 'catalog:write', body: input },
    ),
  };
}

export function referenceItemRoutes(service: ReferenceService, input: z.ZodType) {
  return {
    GET: tenantRoute(async ({ ctx, params }) => Response.json(await service.get(ctx, idParam.parse(params.id))), {
      permission: 'catalog:read',
    }),
    PUT: tenantRoute(
      async ({ ctx, params, body }) => Response.json(await service.replace(ctx, idParam.parse(params.id), body as never)),
      { permission: 'catalog:write', body: input },
    ),
    PATCH: tenantRoute(async ({ ctx, params, json }) => Response.json(await service.patch(ctx, idParam.parse(params.id), json)), {
      permission: 'catalog:write',
    }),
    DELETE: tenantRoute(
      async ({ ctx, params }) => {
        await service.remove(ctx, idParam.parse(params.id));
        return new Response(null, { status: 204 });
      },
      { permission: 'catalog:write' },
    ),
  };
}
