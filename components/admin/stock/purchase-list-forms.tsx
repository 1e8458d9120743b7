'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, type ButtonVariant } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';

/** One button that runs a purchase-list action (with the list's id), and says how it went. */
export function ListActionButton({
  action,
  id,
  label,
  busy,
  variant = 'secondary',
  confirm,
  locationId,
  then,
}: {
  action: FormAction;
  id?: string;
  label: string;
  busy: string;
  variant?: ButtonVariant;
  confirm?: string;
  locationId?: string;
  /** Where to go once it worked (a deleted list's page is gone). */
  then?: string;
}) {
  const { state, pending, onSubmit } = useFormAction(action, null);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok && then) router.push(then);
  }, [state, then, router]);
  return (
    <form
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) return e.preventDefault();
        onSubmit(e);
      }}
      className="print:hidden"
    >
      {id && <input type="hidden" name="id" value={id} />}
      {locationId && <input type="hidden" name="locationId" value={locationId} />}
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? busy : label}
      </Button>
      {state?.error && <p role="alert" className="mt-1 text-sm text-red-700">{state.error}</p>}
      {state?.ok && <p role="status" className="mt-1 text-sm text-emerald-800">{state.ok}</p>}
    </form>
  );
}

/** Receiving an order: how many of each open line arrived (all of it by default; 0 for none this time). */
export function ReceiveListForm({ action, id, lines }: { action: FormAction; id: string; lines: { variantId: string; label: string; open: number }[] }) {
  const { state, pending, onSubmit } = useFormAction(action, null);
  const t = useTranslations('admin.purchaseOrders');
  return (
    <form onSubmit={onSubmit} className="space-y-3 print:hidden" aria-label={t('receiveForm')}>
      <input type="hidden" name="id" value={id} />
      <div className="grid gap-3 sm:grid-cols-2">
        {lines.map((l) => (
          <div key={l.variantId}>
            <input type="hidden" name="variantId" value={l.variantId} />
            <TextField label={t('arrivedOf', { item: l.label, open: l.open })} name="quantity" type="number" min={0} max={l.open} defaultValue={String(l.open)} inputMode="numeric" />
          </div>
        ))}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t('receiving') : t('receive')}
      </Button>
      {state?.error && <Alert tone="error">{state.error}</Alert>}
      {state?.ok && <Alert tone="success">{state.ok}</Alert>}
    </form>
  );
}
