'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';

/** Archive or restore an existing product (products are never deleted: history names them). */
export function ProductStatusForm({
  productId,
  status,
  setProductStatusAction,
}: {
  productId: string;
  status: 'active' | 'archived';
  setProductStatusAction: FormAction;
}) {
  const { state, pending, onSubmit } = useFormAction(setProductStatusAction, null);
  const t = useTranslations('productEditor');
  const archiving = status === 'active';
  return (
    <section aria-labelledby="product-status" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="product-status" className="text-lg font-semibold">
        {archiving ? t('archiveTitle') : t('restoreTitle')}
      </h2>
      <p className="text-sm text-slate-600">
        {archiving ? t('archiveText') : t('restoreText')}
      </p>
      {state?.error && <Alert tone="error">{state.error}</Alert>}
      {state?.ok && <Alert tone="success">{state.ok}</Alert>}
      <form onSubmit={onSubmit}>
        <input type="hidden" name="id" value={productId} />
        <input type="hidden" name="status" value={archiving ? 'archived' : 'active'} />
        <Button type="submit" variant={archiving ? 'danger' : 'secondary'} disabled={pending}>
          {pending ? t('working') : archiving ? t('archiveProduct') : t('restoreProduct')}
        </Button>
      </form>
    </section>
  );
}
