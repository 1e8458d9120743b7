import { tenantRoute } from '@/lib/auth';
import { createSupplier, listSuppliers, supplierInputSchema } from '@/lib/inventory';

export const GET = tenantRoute(async ({ ctx }) => Response.json({ data: await listSuppliers(ctx) }), { permission: 'stock:read' });

export const POST = tenantRoute(
  async ({ ctx, body }) => {
    const supplier = await createSupplier(ctx, body);
    return Response.json(supplier, { status: 201, headers: { Location: `/api/v1/suppliers/${supplier.id}` } });
  },
  { permission: 'stock:write', body: supplierInputSchema },
);
