import { z } from 'zod';
import { tenantRoute } from '@/lib/auth';
import { receiptOf } from '@/lib/orders';
import { requestOrigin } from '@/lib/platform/security-headers';
import { idParam } from '@/lib/platform/validation';

const receiptQuery = z.object({ part: z.uuid({ message: 'Not a part of the bill' }).optional() });

/**
 * The printable 80 mm receipt, as HTML: the whole order, or with `?part=` one part of its split
 * bill; with the order's public link (`/r/<token>` on this host) and its QR code.
 */
export const GET = tenantRoute(
  async ({ ctx, params, searchParams, req }) => {
    const { part } = receiptQuery.parse(Object.fromEntries(searchParams));
    const html = await receiptOf(ctx, idParam.parse(params.id), { partId: part ?? null, origin: requestOrigin(req) });
    return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
  },
  { permission: 'order:read' },
);
