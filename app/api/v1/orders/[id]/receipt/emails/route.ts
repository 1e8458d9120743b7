import { tenantRoute } from '@/lib/auth';
import { emailReceiptSchema, receiptEmailsOf, requestReceiptEmail } from '@/lib/orders';
import { requestOrigin } from '@/lib/platform/security-headers';
import { idParam } from '@/lib/platform/validation';

/** The receipt emails asked for this order (newest first), with whether each went out. */
export const GET = tenantRoute(async ({ ctx, params }) => Response.json(await receiptEmailsOf(ctx, idParam.parse(params.id))), { permission: 'order:read' });

/**
 * Emails the order's receipt to `to`: answers 202 at once with the queued message; the outbox
 * sends it (docs/receipts.md). Idempotency-Key: a retried request queues no second mail.
 */
export const POST = tenantRoute(
  async ({ ctx, params, body, req }) => Response.json(await requestReceiptEmail(ctx, idParam.parse(params.id), body, requestOrigin(req)), { status: 202 }),
  { permission: 'order:read', body: emailReceiptSchema },
);
