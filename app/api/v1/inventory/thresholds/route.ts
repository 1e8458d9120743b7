import { tenantRoute } from '@/lib/auth';
import { setLowStockThreshold, thresholdInputSchema } from '@/lib/inventory';

/** Sets (or clears, with null) the low-stock threshold of one item at one location. */
export const PUT = tenantRoute(
  async ({ ctx, body }) => {
    await setLowStockThreshold(ctx, body);
    return Response.json(body);
  },
  { permission: 'stock:write', body: thresholdInputSchema },
);
