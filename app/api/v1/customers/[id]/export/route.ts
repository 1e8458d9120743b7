import { tenantRoute } from '@/lib/auth';
import { exportCustomer } from '@/lib/orders';
import { idParam } from '@/lib/platform/validation';

/** Everything held on the customer, as a JSON download (owner only; audited). */
export const GET = tenantRoute(
  async ({ ctx, params }) => {
    const id = idParam.parse(params.id);
    return Response.json(await exportCustomer(ctx, id), {
      headers: { 'content-disposition': `attachment; filename="customer-${id}.json"`, 'cache-control': 'no-store' },
    });
  },
  { permission: 'customer:privacy' },
);
