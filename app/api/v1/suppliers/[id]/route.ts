import { tenantRoute } from '@/lib/auth';
import { deleteSupplier, getSupplier, supplierInputSchema, updateSupplier } from '@/lib/inventory';
import { idParam } from '@/lib/platform/validation';

export const GET = tenantRoute(async ({ ctx, params }) => Response.json(await getSupplier(ctx, idParam.parse(params.id))), { permission: 'stock:read' });

export const PUT = tenantRoute(
  async ({ ctx, params, body }) => Response.json(await updateSupplier(ctx, idParam.parse(params.id), body)),
  { permission: 'stock:write', body: supplierInputSchema },
);

/** A supplier named by a purchase order cannot be deleted (409). */
export const DELETE = tenantRoute(
  async ({ ctx, params }) => {
    await deleteSupplier(ctx, idParam.parse(params.id));
    return new Response(null, { status: 204 });
  },
  { permission: 'stock:write' },
);
