import { tenantRoute } from '@/lib/auth';
import { productInputSchema, productPatchSchema, archiveProduct, getProduct, patchProduct, replaceProduct } from '@/lib/catalog';
import { idParam } from '@/lib/platform/validation';

type P = { id: string };

export const GET = tenantRoute<P>(async ({ tenant, params }) => Response.json(await getProduct(tenant.id, idParam.parse(params.id))), {
  permission: 'catalog:read',
});

export const PUT = tenantRoute<P>(
  async ({ user, params, json }) => Response.json(await replaceProduct(user, idParam.parse(params.id), productInputSchema.parse(json()))),
  { permission: 'catalog:write' },
);

export const PATCH = tenantRoute<P>(
  async ({ user, params, json }) => Response.json(await patchProduct(user, idParam.parse(params.id), productPatchSchema.parse(json()))),
  { permission: 'catalog:write' },
);

/** Archives: past orders and the stock ledger keep naming the product. */
export const DELETE = tenantRoute<P>(
  async ({ user, params }) => {
    await archiveProduct(user, idParam.parse(params.id));
    return new Response(null, { status: 204 });
  },
  { permission: 'catalog:write' },
);
