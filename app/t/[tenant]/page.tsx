import { redirect } from 'next/navigation';
import { can, currentStaff } from '@/lib/auth';

/** The store's root: straight to where this person works. */
export default async function TenantHome() {
  const current = await currentStaff();
  if (!current?.ctx) redirect('/signin');
  redirect(can(current.ctx.role, 'admin:access') ? '/admin' : '/register');
}
