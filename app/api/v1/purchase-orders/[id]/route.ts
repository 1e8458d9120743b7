import { tenantRoute } from '@/lib/auth';
import { deletePurchaseList, getPurchaseList } from '@/lib/inventory';
import { idParam } from '@/lib/platform/validation';

export const GET = tenantRoute(async ({ ctx, params }) => Response.json(await getPurchaseList(ctx, idParam.parse(params.id))), { permission: 'stock:read' });

/** Deletes a draft or cancelled order; anything sent is stock history (409). */
export const DELETE = tenantRoute(
  async ({ ctx, params }) => {
    await deletePurchaseList(ctx, idParam.parse(params.id));
    return new Response(null, { status: 204 });
  },
  { permission: 'stock:write' },
);
