import { z } from 'zod';
import { tenantRoute } from '@/lib/auth/tenant-route';
import { productInputSchema, productPatchSchema } from '@/lib/catalog/schemas';
import { archiveProduct, getProduct, patchProduct, replaceProduct } from '@/lib/catalog/service';

type P = { id: string };
const id = z.uuid('The id must be a UUID');

export const GET = tenantRoute<P>(async ({ tenant, params }) => Response.json(await getProduct(tenant.id, id.parse(params.id))), {
  permission: 'catalog:read',
});

export const PUT = tenantRoute<P>(
  async ({ user, params, json }) => Response.json(await replaceProduct(user, id.parse(params.id), productInputSchema.parse(json()))),
  { permission: 'catalog:write' },
);

export const PATCH = tenantRoute<P>(
  async ({ user, params, json }) => Response.json(await patchProduct(user, id.parse(params.id), productPatchSchema.parse(json()))),
  { permission: 'catalog:write' },
);

/** Archives: past orders and the stock ledger keep naming the product. */
export const DELETE = tenantRoute<P>(
  async ({ user, params }) => {
    await archiveProduct(user, id.parse(params.id));
    return new Response(null, { status: 204 });
  },
  { permission: 'catalog:write' },
);
