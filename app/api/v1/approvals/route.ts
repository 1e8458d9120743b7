import { clientIp, grantApproval, grantApprovalSchema, tenantRoute } from '@/lib/auth';

/**
 * A manager's PIN, typed at the register, exchanged once for a short-lived approval token for
 * one permission and this session. A wrong PIN, an unknown person and someone who cannot
 * approve it get the same 403.
 */
export const POST = tenantRoute(
  async ({ ctx, req, body }) => {
    const approval = await grantApproval(ctx, body, clientIp(req.headers));
    return Response.json(approval, { status: 201 });
  },
  { permission: 'register:use', body: grantApprovalSchema },
);
