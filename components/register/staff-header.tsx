import Link from 'next/link';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitch } from '@/components/ui/language-switch';
import type { FormAction } from '@/components/ui/use-form-action';
import { currentDisplayPreferences, isRole } from '@/lib/auth';
import { RegisterSignOutButton } from './register-sign-out';
import { TenantClock } from './tenant-clock';

/** The top bar of the staff screens (register, floor, kitchen): where, the store's time, who, their language, what else they may open. */
export async function StaffHeader({
  title,
  tenantName,
  timeZone,
  user,
  languageAction,
  children,
}: {
  title: string;
  tenantName: string;
  /** The store's time zone: the header's clock shows its time, not the device's. */
  timeZone: string;
  /** Who is signed in; their tenant names what sign-out clears on this device (register-sign-out.tsx). */
  user: { name: string; role: string; tenantId: string };
  /** The language switch's server action (app/t/[tenant]/language/actions.ts). */
  languageAction: FormAction;
  children?: ReactNode;
}) {
  const t = await getTranslations('roles');
  const { chosen, tenantLocale } = await currentDisplayPreferences();
  return (
    <header className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 border-b border-slate-200 bg-white px-3 py-2 sm:px-4 sm:py-3">
      <div className="min-w-0">
        <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">{title}</p>
        <p className="truncate text-base font-bold leading-tight sm:text-lg">
          {tenantName} <TenantClock timeZone={timeZone} renderedAt={new Date().toISOString()} />
        </p>
      </div>
      {/* On a phone one row that scrolls sideways, so the screen below keeps its height. */}
      <div className="-mx-1 flex max-w-full items-center gap-1 overflow-x-auto px-1 py-0.5 *:shrink-0 sm:flex-wrap sm:gap-2 sm:overflow-visible">
        <p className="mr-2 text-sm whitespace-nowrap" data-testid="current-staff">
          <span className="font-semibold">{user.name}</span> <span className="text-slate-500 capitalize">· {isRole(user.role) ? t(user.role) : user.role}</span>
        </p>
        {children}
        <LanguageSwitch chosen={chosen} storeLocale={tenantLocale} action={languageAction} />
        <RegisterSignOutButton tenantId={user.tenantId} />
      </div>
    </header>
  );
}

export function HeaderLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="rounded-lg px-3 py-2 text-sm font-semibold whitespace-nowrap text-brand-700 hover:bg-slate-100">
      {children}
    </Link>
  );
}
