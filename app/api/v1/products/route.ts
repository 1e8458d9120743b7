import { tenantRoute } from '@/lib/auth';
import { productInputSchema, productListQuerySchema, createProduct, listProducts } from '@/lib/catalog';

export const GET = tenantRoute(
  async ({ ctx, searchParams }) => Response.json(await listProducts(ctx, productListQuerySchema.parse(Object.fromEntries(searchParams)))),
  { permission: 'catalog:read' },
);

export const POST = tenantRoute(
  async ({ ctx, body }) => {
    const product = await createProduct(ctx, body);
    return Response.json(product, { status: 201, headers: { Location: `/api/v1/products/${product.id}` } });
  },
  { permission: 'catalog:write', body: productInputSchema },
);
