import { pinVerifiersFor, pinVerifiersQuerySchema, tenantRoute } from '@/lib/auth';

/**
 * This register's offline PIN verifiers (docs/security.md › Offline PIN switching): for each person
 * the register may be switched to, a hash of a key only their PIN derives on this device. The
 * register asks at each sync and keeps nothing else; `device` is its own random id.
 */
export const GET = tenantRoute(
  async ({ ctx, searchParams }) => {
    const { device } = pinVerifiersQuerySchema.parse(Object.fromEntries(searchParams));
    return Response.json(await pinVerifiersFor(ctx, device), { headers: { 'cache-control': 'no-store' } });
  },
  { permission: 'register:use' },
);
