'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useAddForm, useFormAction, type FormAction } from '@/components/ui/use-form-action';

/** A signing secret, shown the one time it exists in the clear. */
function SecretOnce({ secret }: { secret: string }) {
  const t = useTranslations('webhooks');
  return (
    <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm">
      <p className="font-semibold">{t('secret.heading')}</p>
      <code data-testid="webhook-secret" className="mt-1 block break-all rounded bg-white px-2 py-1 font-mono text-slate-900">
        {secret}
      </code>
      <p className="mt-1 text-amber-900">{t('secret.once')}</p>
    </div>
  );
}

/** The event types offered, as `{ name, label }` (the label already translated by the page). */
export type EventChoice = { name: string; label: string };

export function AddWebhookForm({ events, addWebhookAction }: { events: EventChoice[]; addWebhookAction: FormAction }) {
  const t = useTranslations('webhooks');
  const { state, pending, onSubmit, form, fieldErrors: fe } = useAddForm(addWebhookAction);
  return (
    <section aria-labelledby="add-webhook" className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="add-webhook" className="text-lg font-semibold">
        {t('add.heading')}
      </h2>
      <form ref={form} onSubmit={onSubmit} className="mt-4 space-y-4" noValidate>
        {state?.error && <Alert tone="error">{state.error}</Alert>}
        {state?.ok && <SecretOnce secret={state.ok} />}
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={t('add.url')} name="url" type="url" required placeholder="https://example.com/hooks/tillwise" error={fe.url} hint={t('add.urlHint')} />
          <TextField label={t('add.description')} name="description" autoComplete="off" error={fe.description} />
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">{t('add.events')}</legend>
          {fe.eventTypes && <p className="text-sm text-red-700">{fe.eventTypes}</p>}
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {events.map((e) => (
              <label key={e.name} className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="eventTypes" value={e.name} className="mt-1" />
                <span>
                  <code className="font-mono">{e.name}</code> <span className="text-slate-600">{e.label}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <Button type="submit" disabled={pending}>
          {pending ? t('add.adding') : t('add.submit')}
        </Button>
      </form>
    </section>
  );
}

type EndpointActions = { setWebhookEnabledAction: FormAction; rotateWebhookSecretAction: FormAction; testWebhookAction: FormAction; deleteWebhookAction: FormAction };

/** One button that runs `action` for `id`, with its answer under it (a secret when `secret`). */
function ActionButton({ id, action, label, extra, variant = 'secondary', secret = false, confirm }: { id: string; action: FormAction; label: string; extra?: Record<string, string>; variant?: 'secondary' | 'danger'; secret?: boolean; confirm?: string }) {
  const t = useTranslations('webhooks');
  const { state, pending, onSubmit } = useFormAction(action, null);
  return (
    <form
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) return event.preventDefault();
        onSubmit(event);
      }}
      className="space-y-2"
    >
      <input type="hidden" name="id" value={id} />
      {Object.entries(extra ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? t('actions.working') : label}
      </Button>
      {state?.error && <Alert tone="error">{state.error}</Alert>}
      {state?.ok && (secret ? <SecretOnce secret={state.ok} /> : <Alert tone="success">{state.ok}</Alert>)}
    </form>
  );
}

export function WebhookEndpointControls({ id, enabled, actions }: { id: string; enabled: boolean; actions: EndpointActions }) {
  const t = useTranslations('webhooks');
  return (
    <div className="flex flex-wrap items-start gap-2">
      <ActionButton id={id} action={actions.setWebhookEnabledAction} label={enabled ? t('actions.turnOff') : t('actions.turnOn')} extra={{ enabled: String(!enabled) }} />
      {enabled && <ActionButton id={id} action={actions.testWebhookAction} label={t('actions.test')} />}
      <div title={t('actions.rotateHint')}>
        <ActionButton id={id} action={actions.rotateWebhookSecretAction} label={t('actions.rotate')} secret />
      </div>
      <ActionButton id={id} action={actions.deleteWebhookAction} label={t('actions.delete')} variant="danger" confirm={t('actions.confirmDelete')} />
    </div>
  );
}

export function RedeliverButton({ id, redeliverWebhookAction }: { id: string; redeliverWebhookAction: FormAction }) {
  const t = useTranslations('webhooks');
  return <ActionButton id={id} action={redeliverWebhookAction} label={t('log.redeliver')} />;
}
