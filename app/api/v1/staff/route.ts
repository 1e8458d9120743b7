import { addStaff, addStaffSchema, listStaff, tenantRoute } from '@/lib/auth';

export const GET = tenantRoute(async ({ tenant }) => Response.json({ data: await listStaff(tenant.id) }), {
  permission: 'staff:read',
});

export const POST = tenantRoute(
  async ({ user, json }) => {
    const member = await addStaff(user, addStaffSchema.parse(json()));
    return Response.json(member, { status: 201, headers: { Location: `/api/v1/staff/${member.id}` } });
  },
  { permission: 'staff:write' },
);
