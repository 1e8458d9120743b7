import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { hostTenant, authOptionsFor } from '@/lib/auth';
import { toErrorResponse } from '@/lib/platform/errors';
import { observedRoute } from '@/lib/platform/metrics';
import { requestContextFrom, runWithContext } from '@/lib/platform/request-context';

type Segment = { params: Promise<{ nextauth: string[] }> };

// next-auth derives its URLs from the request host (one app, many tenant hosts).
process.env.AUTH_TRUST_HOST ??= 'true';

/** next-auth for the host's tenant; the root domain has no sign-in (404 "No such store"). Address and device go into the context for the sign-in's audit row. */
async function handler(req: NextRequest, segment: Segment): Promise<Response> {
  return runWithContext(requestContextFrom(req.headers), async () => {
    try {
      const tenant = await hostTenant(req.headers);
      return await (NextAuth as unknown as (r: NextRequest, s: Segment, o: ReturnType<typeof authOptionsFor>) => Promise<Response>)(
        req,
        segment,
        authOptionsFor(tenant),
      );
    } catch (err) {
      return toErrorResponse(err);
    }
  });
}

const observed = observedRoute('/api/auth/[...nextauth]', handler);
export { observed as GET, observed as POST };
