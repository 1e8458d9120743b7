import { listStaff, type TenantContext } from '@/lib/auth';

/** Staff names by id (deactivated people too: their past sales still name them). */
export const staffNames = async (ctx: TenantContext): Promise<Record<string, string>> =>
  Object.fromEntries((await listStaff(ctx)).map((s) => [s.id, s.name]));
