import { tenantRoute } from '@/lib/auth';
import { productInputSchema, productListQuerySchema, createProduct, listProducts } from '@/lib/catalog';

export const GET = tenantRoute(
  async ({ tenant, searchParams }) => Response.json(await listProducts(tenant.id, productListQuerySchema.parse(Object.fromEntries(searchParams)))),
  { permission: 'catalog:read' },
);

export const POST = tenantRoute(
  async ({ user, json }) => {
    const product = await createProduct(user, productInputSchema.parse(json()));
    return Response.json(product, { status: 201, headers: { Location: `/api/v1/products/${product.id}` } });
  },
  { permission: 'catalog:write' },
);
