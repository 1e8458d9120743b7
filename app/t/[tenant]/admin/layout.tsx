import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { AdminNav } from '@/components/admin/admin-nav';
import { ClientMessages } from '@/components/ui/client-messages';
import { can, currentDisplayPreferences, isRole, requireStaff } from '@/lib/auth';
import { countOpenRefusedSales } from '@/lib/orders';
import { countEndpointsTurnedOff } from '@/lib/webhooks';
import { setLanguageAction } from '../language/actions';

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireStaff('admin:access');
  const t = await getTranslations('adminNav');
  const tr = await getTranslations('roles');
  const [{ chosen, tenantLocale }, attention, webhooksOff] = await Promise.all([
    currentDisplayPreferences(),
    countOpenRefusedSales(ctx),
    // Owners are told on every admin page, not only the webhooks page or by mail (which may be unset).
    can(ctx.role, 'webhooks:read') ? countEndpointsTurnedOff(ctx) : 0,
  ]);
  return (
    <ClientMessages area="admin">
      <div className="min-h-dvh md:grid md:grid-cols-[15rem_minmax(0,1fr)] print:block">
        <aside className="border-b border-slate-200 bg-white md:min-h-dvh md:border-r md:border-b-0 print:hidden">
          <div className="flex items-center justify-between px-5 py-4 md:block">
            <div>
              <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">{t('title')}</p>
              <p className="text-lg font-bold leading-tight">{ctx.tenant.name}</p>
            </div>
            <Link href="/register" className="text-sm font-semibold text-brand-700 underline md:mt-2 md:inline-block">
              {t('openRegister')}
            </Link>
          </div>
          <AdminNav assistant={can(ctx.role, 'assistant:use')} developers={can(ctx.role, 'apikeys:manage')} attention={attention} webhooksOff={webhooksOff} />
          <div className="border-t border-slate-200 px-5 py-4 text-sm">
            <p className="font-medium">{ctx.name}</p>
            <p className="text-slate-500 capitalize">{isRole(ctx.role) ? tr(ctx.role) : ctx.role}</p>
            <div className="mt-2">
              <LanguageSwitch chosen={chosen} storeLocale={tenantLocale} action={setLanguageAction} />
            </div>
            <div className="mt-2 -ml-4">
              <SignOutButton />
            </div>
          </div>
        </aside>
        <main className="px-5 py-6 md:px-10 md:py-8 print:p-0">{children}</main>
      </div>
    </ClientMessages>
  );
}
