import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '@/db/schema/platform';
import { addStaff, addStaffSchema, getStaffMember, listPinStaff, listStaff, staffToSwitchTo, updateStaff } from '@/lib/auth';
import { updateTenantSettings } from '@/lib/tenancy';
import { withTenant } from '@/lib/platform/db';
import { contextOf, createTenant, PASSWORD, type TestTenant } from '../helpers';


describe('staff management', () => {
  let t: TestTenant;
  let other: TestTenant;
  beforeAll(async () => {
    t = await createTenant();
    other = await createTenant();
  });

  it('adds staff with a hashed PIN and audits it', async () => {
    const member = await addStaff(
      contextOf(t, t.manager),
      addStaffSchema.parse({ name: 'New Cashier', email: 'NEW@Example.test ', role: 'cashier', password: PASSWORD, pin: '4321' }),
    );
    expect(member).toMatchObject({ name: 'New Cashier', email: 'new@example.test', role: 'cashier', active: true, hasPin: true });
    expect(member).not.toHaveProperty('passwordHash');
    const audit = await withTenant(t.tenant.id, (tx) => tx.select().from(auditEvents).where(eq(auditEvents.entityId, member.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'staff.added', actorUserId: t.manager.id });
    expect(JSON.stringify(audit[0]!.details)).not.toContain('4321');
  });

  it('refuses a duplicate email in the same business, allows it in another', async () => {
    await expect(
      addStaff(contextOf(t, t.owner), { name: 'Dup', email: t.cashier.email, role: 'cashier', password: PASSWORD }),
    ).rejects.toMatchObject({ code: 'conflict', details: [{ path: 'email' }] });
    await expect(
      addStaff(contextOf(other, other.owner), { name: 'Same address', email: t.cashier.email, role: 'cashier', password: PASSWORD }),
    ).resolves.toMatchObject({ email: t.cashier.email });
  });

  it('lets only owners make or change owners', async () => {
    await expect(
      addStaff(contextOf(t, t.manager), { name: 'Boss', email: 'boss@x.test', role: 'owner', password: PASSWORD }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updateStaff(contextOf(t, t.manager), t.cashier.id, { role: 'owner' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updateStaff(contextOf(t, t.manager), t.owner.id, { name: 'Renamed' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('forbids cashiers from managing staff', async () => {
    await expect(
      addStaff(contextOf(t, t.cashier), { name: 'Friend', email: 'friend@x.test', role: 'cashier', password: PASSWORD }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updateStaff(contextOf(t, t.cashier), t.cashier.id, { role: 'manager' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('keeps at least one active owner', async () => {
    await expect(updateStaff(contextOf(t, t.owner), t.owner.id, { role: 'manager' })).rejects.toMatchObject({ code: 'unprocessable' });
    await expect(updateStaff(contextOf(t, t.owner), t.owner.id, { active: false })).rejects.toMatchObject({ code: 'unprocessable' });
    const second = await addStaff(contextOf(t, t.owner), { name: 'Co Owner', email: 'co@x.test', role: 'owner', password: PASSWORD });
    await expect(updateStaff(contextOf(t, t.owner), second.id, { role: 'manager' })).resolves.toMatchObject({ role: 'manager' });
  });

  it('sets and clears PINs; the register lists only active staff with one', async () => {
    await updateStaff(contextOf(t, t.owner), t.manager.id, { pin: null });
    expect((await listPinStaff({ tenantId: t.tenant.id })).map((s) => s.id)).not.toContain(t.manager.id);
    await updateStaff(contextOf(t, t.owner), t.manager.id, { pin: '5678' });
    expect((await listPinStaff({ tenantId: t.tenant.id })).map((s) => s.id)).toContain(t.manager.id);
    await updateStaff(contextOf(t, t.owner), t.manager.id, { active: false });
    expect((await listPinStaff({ tenantId: t.tenant.id })).map((s) => s.id)).not.toContain(t.manager.id);
    await updateStaff(contextOf(t, t.owner), t.manager.id, { active: true });
  });

  it('lists active staff first and never another business’s', async () => {
    const staff = await listStaff({ tenantId: t.tenant.id });
    expect(staff.every((s) => !other.tenant || s.id !== other.owner.id)).toBe(true);
    expect(staff.findIndex((s) => !s.active)).toSatisfy((i: number) => i === -1 || staff.slice(i).every((s) => !s.active));
  });

  it('treats another business’s staff id as not found', async () => {
    await expect(getStaffMember({ tenantId: t.tenant.id }, other.cashier.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(updateStaff(contextOf(t, t.owner), other.cashier.id, { name: 'Hacked' })).rejects.toMatchObject({ code: 'not_found' });
    expect((await getStaffMember({ tenantId: other.tenant.id }, other.cashier.id)).name).toBe('Cas Cashier');
  });

  it('offers Switch staff only people it may switch to: never the one signed in, owners only where the tenant allows it', async () => {
    const fresh = await createTenant();
    await updateStaff(contextOf(fresh), fresh.owner.id, { pin: '1111' });
    const names = async () => (await staffToSwitchTo({ tenantId: fresh.tenant.id }, fresh.cashier.id)).map((s) => s.id);
    expect(await names()).toEqual([fresh.manager.id]);
    await updateTenantSettings(contextOf(fresh), { pinSwitchToOwner: true });
    expect((await names()).sort()).toEqual([fresh.manager.id, fresh.owner.id].sort());
  });
});
