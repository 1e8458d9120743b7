import { listStaff } from '@/lib/auth';
import { tenantRoute } from '@/lib/auth/tenant-route';
import { getOrder, renderReceipt } from '@/lib/orders';
import { orderIdSchema } from '@/lib/orders/routes';
import { getTenantSettings } from '@/lib/tenancy/settings';

/** The printable 80 mm receipt, as HTML. */
export const GET = tenantRoute<{ id: string }>(
  async ({ tenant, params }) => {
    const order = await getOrder(tenant.id, orderIdSchema.parse(params.id));
    const [settings, staff] = await Promise.all([getTenantSettings(tenant.id), listStaff(tenant.id)]);
    const cashier = staff.find((s) => s.id === order.createdBy)?.name ?? null;
    return new Response(renderReceipt(order, tenant, settings, cashier), { headers: { 'content-type': 'text/html; charset=utf-8' } });
  },
  { permission: 'order:read' },
);
