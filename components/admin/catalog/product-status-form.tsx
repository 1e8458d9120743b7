'use client';

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
  const archiving = status === 'active';
  return (
    <section aria-labelledby="product-status" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="product-status" className="text-lg font-semibold">
        {archiving ? 'Archive' : 'Restore'}
      </h2>
      <p className="text-sm text-slate-600">
        {archiving
          ? 'Archiving hides the product from the register and the list of active products. Past sales and stock history keep naming it, and you can restore it at any time.'
          : 'This product is archived: the register does not offer it. Restore it to sell it again.'}
      </p>
      {state?.error && <Alert tone="error">{state.error}</Alert>}
      {state?.ok && <Alert tone="success">{state.ok}</Alert>}
      <form onSubmit={onSubmit}>
        <input type="hidden" name="id" value={productId} />
        <input type="hidden" name="status" value={archiving ? 'archived' : 'active'} />
        <Button type="submit" variant={archiving ? 'danger' : 'secondary'} disabled={pending}>
          {pending ? 'Working…' : archiving ? 'Archive product' : 'Restore product'}
        </Button>
      </form>
    </section>
  );
}
