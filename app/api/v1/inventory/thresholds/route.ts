import { tenantRoute } from '@/lib/auth';
import { setLowStockThreshold, thresholdInputSchema } from '@/lib/inventory';

/** Sets (or clears, with null) the low-stock threshold of one item at one location. */
export const PUT = tenantRoute(
  async ({ ctx, json }) => {
    const input = thresholdInputSchema.parse(json());
    await setLowStockThreshold(ctx, input);
    return Response.json(input);
  },
  { permission: 'stock:write' },
);
