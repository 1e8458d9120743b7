import { tenantRoute } from '@/lib/auth';
import { createMenu, listMenus, menuInputSchema, menuListQuerySchema } from '@/lib/restaurant';

/** A JSON array, paged by skip/limit, as the original Restaurant service answered (total in X-Total-Count). */
export const GET = tenantRoute(
  async ({ ctx, searchParams }) => {
    const page = menuListQuerySchema.parse(Object.fromEntries(searchParams));
    const { data, total } = await listMenus(ctx, page);
    return Response.json(data, { headers: { 'X-Total-Count': String(total) } });
  },
  { permission: 'menu:read' },
);

export const POST = tenantRoute(
  async ({ ctx, body }) => {
    const menu = await createMenu(ctx, body);
    return Response.json(menu, { status: 201, headers: { Location: `/api/v1/restaurant/menus/${menu.id}` } });
  },
  { permission: 'menu:write', body: menuInputSchema },
);
