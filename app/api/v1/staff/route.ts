import { addStaff, addStaffSchema, listStaff, tenantRoute } from '@/lib/auth';

export const GET = tenantRoute(async ({ ctx }) => Response.json({ data: await listStaff(ctx) }), {
  permission: 'staff:read',
});

export const POST = tenantRoute(
  async ({ ctx, body }) => {
    const member = await addStaff(ctx, body);
    return Response.json(member, { status: 201, headers: { Location: `/api/v1/staff/${member.id}` } });
  },
  { permission: 'staff:write', body: addStaffSchema },
);
