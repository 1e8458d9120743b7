import { tenantRoute } from '@/lib/auth';
import { purchaseOrderCsv } from '@/lib/inventory';
import { idParam } from '@/lib/platform/validation';

/** The order as CSV, to send to the supplier. */
export const GET = tenantRoute(
  async ({ ctx, params }) => {
    const { filename, text } = await purchaseOrderCsv(ctx, idParam.parse(params.id));
    return new Response(`\uFEFF${text}`, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` } });
  },
  { permission: 'stock:read' },
);
