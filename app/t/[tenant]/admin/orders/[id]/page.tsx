import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { OrderTimeline } from '@/components/admin/orders/order-timeline';
import { pageFormats } from '@/components/admin/page-formats';
import { EmailReceipt } from '@/components/register/email-receipt';
import { OrderDetail } from '@/components/register/orders/order-views';
import { buttonClass } from '@/components/ui/button';
import { requireStaff } from '@/lib/auth';
import { loadOrderDetail, orderTimeline } from '@/lib/orders';
import { refundOrderAction, voidOrderAction } from '../../../register/orders/actions';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('order') };
}

/** One order: lines, modifiers, discounts, payments, refunds, receipt, and its timeline from the event log. Another business's id is a 404. */
export default async function AdminOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireStaff('order:read');
  const { id } = await params;
  const detail = await loadOrderDetail(ctx, id);
  if (!detail) notFound();
  const timeline = await orderTimeline(ctx, detail.order.id);
  const t = await getTranslations('admin.orders');
  const f = await pageFormats();

  return (
    <div className="max-w-6xl space-y-6">
      <nav aria-label={t('order')} className="flex flex-wrap items-center justify-between gap-3">
        <Link href="/admin/orders" className="text-sm font-semibold text-brand-700 underline">
          {t('allOrders')}
        </Link>
        <a href={`/api/v1/orders/${detail.order.id}/receipt`} target="_blank" rel="noopener" className={buttonClass('secondary')}>
          {t('openReceipt')}
          <span className="sr-only">{t('openReceiptSr', { number: detail.order.number })}</span>
        </a>
      </nav>
      <section aria-label={t('emailReceipt')} className="max-w-md">
        <EmailReceipt orderId={detail.order.id} orderNumber={detail.order.number} />
      </section>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <OrderDetail
          data={detail}
          timeZone={ctx.tenant.timeZone}
          role={ctx.role}
          closeHref="/admin/orders"
          atRegister={false}
          refundOrderAction={refundOrderAction}
          voidOrderAction={voidOrderAction}
        />
        <OrderTimeline events={timeline} currency={detail.order.currency} timeZone={ctx.tenant.timeZone} formats={f} />
      </div>
    </div>
  );
}
