import { tenantRoute } from '@/lib/auth';
import { exportProductsCsv } from '@/lib/catalog';

export const GET = tenantRoute(
  async ({ ctx }) => {
    const csv = await exportProductsCsv(ctx);
    const date = new Date().toISOString().slice(0, 10);
    return new Response(csv, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${ctx.tenant.slug}-products-${date}.csv"`,
      },
    });
  },
  { permission: 'catalog:read' },
);
