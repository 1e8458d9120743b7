import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { pageFormats } from '@/components/admin/page-formats';
import { AddWebhookForm, RedeliverButton, WebhookEndpointControls } from '@/components/admin/webhooks/webhook-forms';
import { Alert } from '@/components/ui/alert';
import { tableScrollClass } from '@/components/ui/table';
import { listStaff, requireStaff } from '@/lib/auth';
import { deliveriesOf, listEndpoints, WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@/lib/webhooks';
import { addWebhookAction, deleteWebhookAction, redeliverWebhookAction, rotateWebhookSecretAction, setWebhookEnabledAction, testWebhookAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('webhooks');
  return { title: t('title') };
}

const eventKey = (name: WebhookEventType) => name.replace('.', '_') as 'order_placed';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Webhook endpoints (owners): add, turn on/off, rotate the secret, test; `?endpoint=<id>` shows its delivery log. */
export default async function WebhooksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireStaff('webhooks:read');
  const raw = await searchParams;
  const t = await getTranslations('webhooks');
  const f = await pageFormats();
  const at = (d: Date) => f.dateTime(d, ctx.tenant.timeZone);
  const [endpoints, staff] = await Promise.all([listEndpoints(ctx), listStaff(ctx)]);
  const nameOf = new Map(staff.map((s) => [s.id, s.name]));
  const selected = typeof raw.endpoint === 'string' && UUID.test(raw.endpoint) ? endpoints.find((e) => e.id === raw.endpoint) : undefined;
  const log = selected ? await deliveriesOf(ctx, selected.id, 50) : [];
  const events = WEBHOOK_EVENT_TYPES.map((name) => ({ name, label: t(`events.${eventKey(name)}`) }));
  const actions = { setWebhookEnabledAction, rotateWebhookSecretAction, testWebhookAction, deleteWebhookAction };

  return (
    <div className="max-w-5xl space-y-8">
      <header>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="text-slate-600">{t('intro')}</p>
        <p className="text-sm text-slate-500">{t('docsHint')}</p>
      </header>

      {endpoints
        .filter((e) => e.disabledReason === 'failing' && e.disabledAt)
        .map((e) => (
          <Alert key={e.id} tone="error">
            <span className="font-mono">{e.url}</span> — {t('list.failingBanner', { at: at(e.disabledAt!) })}
          </Alert>
        ))}

      {selected ? (
        <section aria-labelledby="delivery-log" className="space-y-3">
          <Link href="/admin/developers/webhooks" className="text-sm font-semibold text-brand-700 underline">
            {t('log.back')}
          </Link>
          <h2 id="delivery-log" className="text-lg font-semibold break-all">
            {t('log.heading', { url: selected.url })}
          </h2>
          {log.length === 0 ? (
            <p className="text-slate-600">{t('log.empty')}</p>
          ) : (
            <div className={tableScrollClass}>
              <table className="w-full text-sm">
                <thead className="bg-slate-50 text-left">
                  <tr>
                    <th className="px-3 py-2">{t('log.event')}</th>
                    <th className="px-3 py-2">{t('log.status')}</th>
                    <th className="px-3 py-2">{t('log.attempts')}</th>
                    <th className="px-3 py-2">{t('log.lastAnswer')}</th>
                    <th className="px-3 py-2">{t('log.when')}</th>
                    <th className="px-3 py-2" />
                  </tr>
                </thead>
                <tbody>
                  {log.map((d) => (
                    <tr key={d.id} className="border-t border-slate-100 align-top" data-testid="webhook-delivery">
                      <td className="px-3 py-2">
                        <code className="font-mono">{d.eventType}</code>
                        <div className="text-xs text-slate-500">
                          {t('log.eventId')}: <span className="font-mono">{d.eventId}</span>
                        </div>
                        {d.log.length > 0 && (
                          <details className="mt-2">
                            <summary className="cursor-pointer text-xs text-brand-700">{t('log.details')}</summary>
                            <table className="mt-1 text-xs">
                              <thead>
                                <tr>
                                  <th className="pr-2 text-left">{t('log.attempt')}</th>
                                  <th className="pr-2 text-left">{t('log.trigger')}</th>
                                  <th className="pr-2 text-left">{t('log.when')}</th>
                                  <th className="pr-2 text-left">{t('log.latency')}</th>
                                  <th className="pr-2 text-left">{t('log.answer')}</th>
                                </tr>
                              </thead>
                              <tbody>
                                {d.log.map((a) => (
                                  <tr key={a.attempt}>
                                    <td className="pr-2">{f.number(a.attempt)}</td>
                                    <td className="pr-2">{a.trigger === 'manual' ? t('log.manual') : t('log.scheduled')}</td>
                                    <td className="pr-2">{at(a.startedAt)}</td>
                                    <td className="pr-2">{f.number(a.latencyMs)}</td>
                                    <td className="pr-2">
                                      {a.responseStatus ?? '—'} {a.error && <span className="text-red-700">{a.error}</span>}
                                      {a.responseBody && (
                                        <pre className="mt-1 max-h-32 max-w-md overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-1" aria-label={t('log.body')}>
                                          {a.responseBody}
                                        </pre>
                                      )}
                                    </td>
                                  </tr>
                                ))}
                              </tbody>
                            </table>
                          </details>
                        )}
                      </td>
                      <td className="px-3 py-2">
                        {t(`status.${d.status}`)}
                        {d.nextAttemptAt && <div className="text-xs text-slate-500">{t('log.nextAttempt', { at: at(d.nextAttemptAt) })}</div>}
                      </td>
                      <td className="px-3 py-2">{f.number(d.attempts)}</td>
                      <td className="px-3 py-2">{d.lastResponseStatus ?? '—'}</td>
                      <td className="px-3 py-2">{at(d.createdAt)}</td>
                      <td className="px-3 py-2">{selected.enabled && <RedeliverButton id={d.id} redeliverWebhookAction={redeliverWebhookAction} />}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : (
        <>
          <section aria-labelledby="endpoints" className="space-y-3">
            <h2 id="endpoints" className="text-lg font-semibold">
              {t('list.heading')}
            </h2>
            {endpoints.length === 0 && <p className="text-slate-600">{t('empty')}</p>}
            <ul className="space-y-3">
              {endpoints.map((e) => (
                <li key={e.id} className="rounded-xl border border-slate-200 bg-white p-4" data-testid="webhook-endpoint">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <p className="font-mono font-semibold break-all">{e.url}</p>
                    <span className={e.enabled ? 'text-green-700' : 'text-red-700'}>
                      {e.enabled ? t('list.on') : e.disabledReason === 'failing' ? t('list.offFailing') : t('list.off')}
                    </span>
                  </div>
                  {e.description && <p className="text-slate-600">{e.description}</p>}
                  <p className="mt-1 text-sm text-slate-600">
                    {t('list.events')}: <span className="font-mono">{e.eventTypes.join(', ')}</span>
                  </p>
                  <p className="text-sm text-slate-500">
                    {t('list.secretPrefix', { prefix: e.secretPrefix })} ·{' '}
                    {e.createdBy && nameOf.has(e.createdBy) ? t('list.addedBy', { at: at(e.createdAt), name: nameOf.get(e.createdBy)! }) : t('list.added', { at: at(e.createdAt) })}
                  </p>
                  {e.enabled && e.failingSince && <p className="text-sm text-amber-700">{t('list.failingSince', { at: at(e.failingSince) })}</p>}
                  <div className="mt-3 flex flex-wrap items-start gap-2">
                    <WebhookEndpointControls id={e.id} enabled={e.enabled} actions={actions} />
                    <Link href={`/admin/developers/webhooks?endpoint=${e.id}`} className="rounded-lg px-3 py-2 text-sm font-semibold text-brand-700 underline">
                      {t('list.log')}
                    </Link>
                  </div>
                </li>
              ))}
            </ul>
          </section>
          <AddWebhookForm events={events} addWebhookAction={addWebhookAction} />
        </>
      )}
    </div>
  );
}
