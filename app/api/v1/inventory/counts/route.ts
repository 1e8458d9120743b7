import { tenantRoute } from '@/lib/auth';
import { countInputSchema, countStock } from '@/lib/inventory';

/** With dryRun the differences are only reported (200); otherwise they are applied (201). */
export const POST = tenantRoute(
  async ({ ctx, body }) => {
    const result = await countStock(ctx, body);
    return Response.json(result, { status: result.applied ? 201 : 200 });
  },
  { permission: 'stock:write', body: countInputSchema },
);
