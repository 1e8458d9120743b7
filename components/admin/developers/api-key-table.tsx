'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';

/** A key as the page shows it: dates already formatted on the server in the business's time zone. */
export type ApiKeyRowView = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  rateLimitPerMinute: number;
  status: 'active' | 'expired' | 'revoked';
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
};

const statusTone = { active: 'bg-emerald-50 text-emerald-800', expired: 'bg-slate-100 text-slate-700', revoked: 'bg-red-50 text-red-800' } as const;

export function ApiKeyTable({ keys, revokeApiKeyAction }: { keys: ApiKeyRowView[]; revokeApiKeyAction: FormAction }) {
  const t = useTranslations('developers');
  const { state, pending, onSubmit } = useFormAction(revokeApiKeyAction, null);
  return (
    <section aria-labelledby="api-keys" className="space-y-3">
      <h2 id="api-keys" className="text-lg font-semibold">
        {t('list.heading')}
      </h2>
      {state?.error && <Alert tone="error">{state.error}</Alert>}
      {state?.ok && <Alert tone="success">{state.ok}</Alert>}
      {keys.length === 0 ? (
        <p className="text-slate-600">{t('list.empty')}</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">{t('list.name')}</th>
                <th scope="col" className="px-4 py-3">{t('list.key')}</th>
                <th scope="col" className="px-4 py-3">{t('list.scopes')}</th>
                <th scope="col" className="px-4 py-3">{t('list.created')}</th>
                <th scope="col" className="px-4 py-3">{t('list.lastUsed')}</th>
                <th scope="col" className="px-4 py-3">{t('list.expires')}</th>
                <th scope="col" className="px-4 py-3">{t('list.status')}</th>
                <th scope="col" className="px-4 py-3"><span className="sr-only">{t('list.actions')}</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {keys.map((key) => (
                <tr key={key.id} data-testid="api-key-row" className={key.status === 'active' ? '' : 'text-slate-500'}>
                  <td className="px-4 py-3 align-top">
                    <p className="font-medium text-slate-900">{key.name}</p>
                    <p className="text-xs text-slate-500">{t('list.perMinute', { limit: key.rateLimitPerMinute })}</p>
                  </td>
                  <td className="px-4 py-3 align-top font-mono text-xs whitespace-nowrap">{`tw_live_${key.prefix}_…`}</td>
                  <td className="px-4 py-3 align-top">
                    <ul className="flex flex-wrap gap-1">
                      {key.scopes.map((s) => (
                        <li key={s} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">{s}</li>
                      ))}
                    </ul>
                  </td>
                  <td className="px-4 py-3 align-top whitespace-nowrap">{key.createdAt}</td>
                  <td className="px-4 py-3 align-top whitespace-nowrap">{key.lastUsedAt ?? t('list.never')}</td>
                  <td className="px-4 py-3 align-top whitespace-nowrap">{key.expiresAt ?? t('list.noExpiry')}</td>
                  <td className="px-4 py-3 align-top">
                    <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${statusTone[key.status]}`}>{t(`status.${key.status}`)}</span>
                  </td>
                  <td className="px-4 py-3 text-right align-top">
                    <div className="flex items-center justify-end gap-3">
                      {key.status !== 'revoked' && (
                        <Link href={`/admin/developers?edit=${key.id}#edit-key`} className="font-semibold text-brand-700 underline" aria-label={t('list.editLabel', { name: key.name })}>
                          {t('list.edit')}
                        </Link>
                      )}
                      {key.status === 'active' && (
                        <form onSubmit={onSubmit}>
                          <input type="hidden" name="id" value={key.id} />
                          <Button type="submit" variant="danger" disabled={pending} aria-label={t('list.revokeLabel', { name: key.name })}>
                            {pending ? t('list.revoking') : t('list.revoke')}
                          </Button>
                        </form>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
