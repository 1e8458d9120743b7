import { z } from 'zod';
import { tenantRoute } from '@/lib/auth/tenant-route';
import { definedFields, idParam, patchSchema } from '@/lib/platform/validation';
import { listQuerySchema } from './schemas';
import type { referenceService } from './service';

/**
 * Route handlers for one kind of catalog reference data (categories, tax classes, modifier
 * groups): the same REST shape for each, so the three route files stay two lines long.
 */
type Service = ReturnType<typeof referenceService<'categories' | 'taxClasses' | 'modifierGroups'>>;

export function referenceCollectionRoutes(service: Service, input: z.ZodType, path: string) {
  return {
    GET: tenantRoute(
      async ({ tenant, searchParams }) => {
        const page = listQuerySchema.parse(Object.fromEntries(searchParams));
        const all = await service.list(tenant.id);
        return Response.json({ data: all.slice(page.skip, page.skip + page.limit), total: all.length, ...page });
      },
      { permission: 'catalog:read' },
    ),
    POST: tenantRoute(
      async ({ user, json }) => {
        const item = await service.create(user, input.parse(json()) as never);
        return Response.json(item, { status: 201, headers: { Location: `${path}/${item.id}` } });
      },
      { permission: 'catalog:write' },
    ),
  };
}

export function referenceItemRoutes(service: Service, input: z.ZodObject) {
  type P = { id: string };
  return {
    GET: tenantRoute<P>(async ({ tenant, params }) => Response.json(await service.get(tenant.id, idParam.parse(params.id))), {
      permission: 'catalog:read',
    }),
    PUT: tenantRoute<P>(
      async ({ user, params, json }) => Response.json(await service.replace(user, idParam.parse(params.id), input.parse(json()) as never)),
      { permission: 'catalog:write' },
    ),
    PATCH: tenantRoute<P>(
      async ({ tenant, user, params, json }) => {
        const id = idParam.parse(params.id);
        const current = await service.get(tenant.id, id);
        // The patch is checked field by field, the merged result as a whole (with its rules).
        const patch = patchSchema(z.object(input.shape)).parse(json());
        return Response.json(await service.replace(user, id, input.parse({ ...current, ...definedFields(patch) }) as never));
      },
      { permission: 'catalog:write' },
    ),
    DELETE: tenantRoute<P>(
      async ({ user, params }) => {
        await service.remove(user, idParam.parse(params.id));
        return new Response(null, { status: 204 });
      },
      { permission: 'catalog:write' },
    ),
  };
}
