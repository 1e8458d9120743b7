import { tenantRoute } from '@/lib/auth';
import { receiptOf } from '@/lib/orders';
import { idParam } from '@/lib/platform/validation';

/** The printable 80 mm receipt, as HTML. */
export const GET = tenantRoute<{ id: string }>(
  async ({ ctx, params }) =>
    new Response(await receiptOf(ctx, idParam.parse(params.id)), { headers: { 'content-type': 'text/html; charset=utf-8' } }),
  { permission: 'order:read' },
);
