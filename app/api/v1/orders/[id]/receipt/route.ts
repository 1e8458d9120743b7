import { z } from 'zod';
import { tenantRoute } from '@/lib/auth';
import { receiptOf } from '@/lib/orders';
import { idParam } from '@/lib/platform/validation';

const receiptQuery = z.object({ part: z.uuid({ message: 'Not a part of the bill' }).optional() });

/** The printable 80 mm receipt, as HTML: the whole order, or with `?part=` one part of its split bill. */
export const GET = tenantRoute(
  async ({ ctx, params, searchParams }) => {
    const { part } = receiptQuery.parse(Object.fromEntries(searchParams));
    return new Response(await receiptOf(ctx, idParam.parse(params.id), part ?? null), { headers: { 'content-type': 'text/html; charset=utf-8' } });
  },
  { permission: 'order:read' },
);
