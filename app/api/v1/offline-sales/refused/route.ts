import { tenantRoute } from '@/lib/auth';
import { listRefusedSales, listRefusedSalesQuerySchema, reportRefusedSale, reportRefusedSaleSchema } from '@/lib/orders';

/** The offline sales the server refused ("Needs attention", docs/offline.md): open ones unless `status` says otherwise; `keys` narrows to those sales. */
export const GET = tenantRoute(
  async ({ ctx, searchParams }) => Response.json(await listRefusedSales(ctx, listRefusedSalesQuerySchema.parse(Object.fromEntries(searchParams)))),
  { permission: 'order:read' },
);

/** The register reports a sale the server refused: 201 the first time, 200 with the same row for the same `saleKey` again. */
export const POST = tenantRoute(
  async ({ ctx, body }) => {
    const { sale, created } = await reportRefusedSale(ctx, body);
    return Response.json(sale, { status: created ? 201 : 200, headers: { Location: `/api/v1/offline-sales/refused/${sale.id}` } });
  },
  { permission: 'order:create', body: reportRefusedSaleSchema },
);
