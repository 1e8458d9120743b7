import { tenantRoute } from '@/lib/auth';
import { productInputSchema, productPatchSchema, archiveProduct, getProduct, patchProduct, replaceProduct } from '@/lib/catalog';
import { idParam } from '@/lib/platform/validation';

type P = { id: string };

export const GET = tenantRoute<P>(async ({ ctx, params }) => Response.json(await getProduct(ctx, idParam.parse(params.id))), {
  permission: 'catalog:read',
});

export const PUT = tenantRoute<P>(
  async ({ ctx, params, json }) => Response.json(await replaceProduct(ctx, idParam.parse(params.id), productInputSchema.parse(json()))),
  { permission: 'catalog:write' },
);

export const PATCH = tenantRoute<P>(
  async ({ ctx, params, json }) => Response.json(await patchProduct(ctx, idParam.parse(params.id), productPatchSchema.parse(json()))),
  { permission: 'catalog:write' },
);

/** Archives: past orders and the stock ledger keep naming the product. */
export const DELETE = tenantRoute<P>(
  async ({ ctx, params }) => {
    await archiveProduct(ctx, idParam.parse(params.id));
    return new Response(null, { status: 204 });
  },
  { permission: 'catalog:write' },
);
