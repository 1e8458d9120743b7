import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { tenantFromRequest } from '@/lib/auth';
import { authOptionsFor } from '@/lib/auth/next-auth-options';
import { errorResponse, toAppError } from '@/lib/platform/errors';

type Segment = { params: Promise<{ nextauth: string[] }> };

// next-auth derives its URLs from the request host (one app, many tenant hosts).
process.env.AUTH_TRUST_HOST ??= 'true';

/** next-auth for the host's tenant; the root domain has no sign-in (404 "No such store"). */
async function handler(req: NextRequest, segment: Segment): Promise<Response> {
  try {
    const tenant = await tenantFromRequest(req);
    return await (NextAuth as unknown as (r: NextRequest, s: Segment, o: ReturnType<typeof authOptionsFor>) => Promise<Response>)(
      req,
      segment,
      authOptionsFor(tenant),
    );
  } catch (err) {
    return errorResponse(toAppError(err));
  }
}

export { handler as GET, handler as POST };
