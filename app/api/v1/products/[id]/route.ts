import { tenantRoute } from '@/lib/auth';
import { productInputSchema, productPatchSchema, archiveProduct, getProduct, patchProduct, replaceProduct } from '@/lib/catalog';
import { idParam } from '@/lib/platform/validation';


export const GET = tenantRoute(async ({ ctx, params }) => Response.json(await getProduct(ctx, idParam.parse(params.id))), {
  permission: 'catalog:read',
});

export const PUT = tenantRoute(
  async ({ ctx, params, body }) => Response.json(await replaceProduct(ctx, idParam.parse(params.id), body)),
  { permission: 'catalog:write', body: productInputSchema },
);

export const PATCH = tenantRoute(
  async ({ ctx, params, body }) => Response.json(await patchProduct(ctx, idParam.parse(params.id), body)),
  { permission: 'catalog:write', body: productPatchSchema },
);

/** Archives: past orders and the stock ledger keep naming the product. */
export const DELETE = tenantRoute(
  async ({ ctx, params }) => {
    await archiveProduct(ctx, idParam.parse(params.id));
    return new Response(null, { status: 204 });
  },
  { permission: 'catalog:write' },
);
