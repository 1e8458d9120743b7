import { tenantRoute } from '@/lib/auth';
import { breakerStatus } from '@/lib/payments';

/** Whether card payments work right now (the register shows "take cash" while the circuit is open). */
export const GET = tenantRoute(async () => Response.json({ card: breakerStatus() }), { permission: 'register:use' });
