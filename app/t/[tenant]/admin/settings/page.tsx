import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SettingsForm } from '@/components/admin/settings-form';
import { requireStaff, can } from '@/lib/auth';
import { drawerToleranceOf, getTenantSettings } from '@/lib/tenancy';
import { saveSettingsAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('settings') };
}

export default async function SettingsPage() {
  const ctx = await requireStaff('admin:access');
  const settings = await getTenantSettings(ctx);
  const t = await getTranslations('settings');
  return (
    <div className="max-w-2xl space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="text-slate-600">
          {ctx.tenant.name} · <span className="font-mono">{ctx.tenant.slug}</span> · {ctx.tenant.currency} · {ctx.tenant.timeZone}
        </p>
      </header>
      <SettingsForm
        settings={settings}
        currency={ctx.tenant.currency}
        defaultDrawerTolerance={drawerToleranceOf({ drawerTolerance: null }, ctx.tenant.currency)}
        canWrite={can(ctx.role, 'settings:write')}
        saveSettingsAction={saveSettingsAction}
      />
    </div>
  );
}
