import { staffNameOf, type TenantContext } from '@/lib/auth';
import { formatMoney } from '@/lib/platform/money';
import { type TenantInfo, getTenantSettings, type TenantSettings } from '@/lib/tenancy';
import { variantLabel } from '@/lib/catalog';
import { loyaltyOnReceipt, type ReceiptLoyalty } from '@/lib/customers';
import { getOrder, type OrderView } from './orders';
import { formatDateTime } from '@/lib/platform/format-time';
import { notFound } from '@/lib/platform/errors';
import type { SplitPartView } from './split-parts';

/** What one part of a split bill covered: units of lines (by item or seat), shares of shared lines; an equal share covers a share of the whole. */
function partLines(order: OrderView, part: SplitPartView, money: (minor: number) => string, row: (left: string, right: string) => string): string {
  if (part.items.length === 0) return row(`${escape(part.label)} of order #${order.number}`, money(part.amount));
  const lineById = new Map(order.lines.map((l) => [l.id, l]));
  return part.items
    .map((item) => {
      const line = lineById.get(item.lineId);
      const name = line ? escape(variantLabel(line)) : 'Item';
      return item.sharedBy ? row(`Shared 1/${item.sharedBy} · ${line?.quantity ?? ''} × ${name}`, money(item.amount)) : row(`${item.quantity} × ${name}`, money(item.amount));
    })
    .join('');
}

/**
 * The customer receipt as a standalone HTML page laid out for 80 mm thermal paper (72 mm of
 * print width); the register opens it after payment and prints it. Everything shown comes
 * from the order's own snapshot, never from today's catalog.
 */
const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The receipt of one of the tenant's orders, with its settings' header and footer and the
 * cashier's name; with `partId`, the receipt of that part of its split bill (what it covered and
 * its own tenders).
 */
export async function receiptOf(ctx: TenantContext, orderId: string, partId: string | null = null): Promise<string> {
  const order = await getOrder(ctx, orderId);
  const part = partId ? order.parts.find((p) => p.id === partId) : null;
  if (part === undefined) throw notFound('Part of the bill');
  const paid = order.paidAt !== null;
  const [settings, cashier, loyalty] = await Promise.all([
    getTenantSettings(ctx),
    staffNameOf(ctx, order.createdBy),
    loyaltyOnReceipt(ctx, { id: order.id, customerId: order.customerId, paid, total: order.total }),
  ]);
  return renderReceipt(order, ctx.tenant, settings, cashier, part, loyalty);
}

export function renderReceipt(
  order: OrderView,
  tenant: TenantInfo,
  settings: TenantSettings,
  cashierName: string | null,
  part: SplitPartView | null = null,
  loyalty: ReceiptLoyalty | null = null,
): string {
  const money = (minor: number) => escape(formatMoney(minor, order.currency));
  const when = formatDateTime(order.placedAt ?? order.createdAt, tenant.timeZone);
  const row = (left: string, right: string, cls = '') => `<div class="row ${cls}"><span>${left}</span><span>${right}</span></div>`;

  const lines = part ? partLines(order, part, money, row) : order.lines
    .map((l) => {
      const extras = [
        ...l.modifiers.map((m) => `+ ${escape(m.optionName)}${m.priceDelta ? ` ${money(m.priceDelta)}` : ''}`),
        ...(l.note ? [`“${escape(l.note)}”`] : []),
        ...(l.lineDiscount ? [`${escape(l.discount?.reason ?? 'Discount')} −${money(l.lineDiscount)}`] : []),
        ...(l.refundedQuantity ? [`Refunded ${l.refundedQuantity} of ${l.quantity}`] : []),
      ];
      return `${row(`${l.quantity} × ${escape(variantLabel(l))}`, money(l.gross))}${extras.map((e) => `<div class="sub">${e}</div>`).join('')}`;
    })
    .join('');

  const taxByRate = new Map<number, number>();
  for (const l of order.lines) if (l.tax) taxByRate.set(l.taxRateBasisPoints, (taxByRate.get(l.taxRateBasisPoints) ?? 0) + l.tax);
  const taxes = [...taxByRate.entries()]
    .map(([rate, tax]) => row(`${order.pricesIncludeTax ? 'incl. ' : ''}Tax ${rate / 100}%`, money(tax)))
    .join('');
  const orderDiscount = order.lines.reduce((s, l) => s + l.orderDiscount, 0);
  const captured = order.payments.filter((p) => p.status === 'captured' && (!part || p.partId === part.id));
  const tenders = captured
    .map((p) => row(p.tender === 'cash' ? `Cash${p.cashTendered ? ` (${money(p.cashTendered)})` : ''}` : 'Card', money(p.amount)) + (p.tip ? `<div class="sub">${row('Tip', money(p.tip))}</div>` : ''))
    .join('');
  const tipTotal = captured.reduce((s, p) => s + p.tip, 0);
  const changeGiven = part ? captured.reduce((s, p) => s + (p.changeGiven ?? 0), 0) : order.changeGiven;
  const balanceDue = part ? part.balanceDue : order.balanceDue;
  // The full receipt of a split bill says how it was split and what each part still owes.
  const parts = part
    ? ''
    : order.parts.map((p) => row(escape(p.label), p.balanceDue ? `${money(p.paidTotal)} of ${money(p.amount)}` : `${money(p.amount)} paid`)).join('');
  const refunds = order.refunds
    .filter((r) => r.status !== 'failed')
    .map((r) => row(`Refund to ${r.tender}${r.status === 'pending' ? ' (pending)' : ''}`, `−${money(r.amount)}`))
    .join('');

  const header = [
    settings.address && `<div>${escape(settings.address)}</div>`,
    settings.phone && `<div>${escape(settings.phone)}</div>`,
    settings.taxId && `<div>Tax ID ${escape(settings.taxId)}</div>`,
  ]
    .filter(Boolean)
    .join('');

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Receipt #${order.number} · ${escape(tenant.name)}</title>
<style>
  @page { size: 80mm auto; margin: 4mm; }
  * { box-sizing: border-box; }
  body { font: 12px/1.35 ui-monospace, 'DejaVu Sans Mono', Menlo, monospace; color: #000; margin: 0 auto; width: 72mm; padding: 4mm 0; }
  h1 { font-size: 15px; text-align: center; margin: 0 0 2px; }
  .center { text-align: center; }
  .row { display: flex; justify-content: space-between; gap: 8px; }
  .row span:last-child { white-space: nowrap; }
  .sub { padding-left: 12px; color: #333; }
  .total { font-weight: 700; font-size: 14px; }
  hr { border: 0; border-top: 1px dashed #000; margin: 6px 0; }
  .void { text-align: center; font-weight: 700; font-size: 16px; border: 2px solid #000; margin: 6px 0; }
  @media screen { body { box-shadow: 0 0 0 1px #ddd; padding: 6mm 4mm; margin-top: 12px; } }
</style></head>
<body>
  <h1>${escape(tenant.name)}</h1>
  <div class="center">${header}</div>
  <hr>
  ${row(`Order #${order.number}`, escape(when))}
  ${row(escape(order.type === 'dine_in' ? `Dine-in${order.covers ? ` · ${order.covers} guests` : ''}` : order.type === 'takeaway' ? 'Takeaway' : 'Sale'), cashierName ? escape(cashierName) : '')}
  ${order.customerName ? `<div>For ${escape(order.customerName)}</div>` : ''}
  ${order.status === 'voided' ? '<div class="void">VOID</div>' : ''}
  ${part ? `<div class="center total">${escape(part.label)} · split bill</div>` : ''}
  <hr>
  ${lines}
  <hr>
  ${
    part
      ? `${row(`${escape(part.label)} total`, money(part.amount), 'total')}${row('Order total', money(order.total))}`
      : `${row('Subtotal', money(order.subtotal))}
  ${orderDiscount ? row(escape(order.orderDiscount?.reason ? `Discount: ${order.orderDiscount.reason}` : 'Order discount'), `−${money(orderDiscount)}`) : ''}
  ${order.serviceChargeTotal ? row(`Service charge ${order.serviceChargeBasisPoints / 100}%`, money(order.serviceChargeTotal)) : ''}
  ${order.pricesIncludeTax ? '' : taxes}
  ${row('Total', money(order.total), 'total')}
  ${order.pricesIncludeTax ? taxes : ''}`
  }
  <hr>
  ${tenders || '<div>Not paid</div>'}
  ${tipTotal ? row('Paid with tips', money(captured.reduce((s, p) => s + p.amount + p.tip, 0))) : ''}
  ${changeGiven ? row('Change', money(changeGiven)) : ''}
  ${balanceDue ? row('Balance due', money(balanceDue), 'total') : ''}
  ${parts ? `<hr><div>Split bill</div>${parts}` : ''}
  ${refunds && !part ? `<hr>${refunds}` : ''}
  ${
    loyalty
      ? `<hr><div>Customer: ${escape(loyalty.customerName)}</div>${loyalty.redeemed ? row('Points redeemed', `−${loyalty.redeemed}`) : ''}${loyalty.earned ? row('Points earned', `${loyalty.earned > 0 ? '+' : ''}${loyalty.earned}`) : ''}${row('Points balance', String(loyalty.balance), 'total')}`
      : ''
  }
  <hr>
  <div class="center">${escape(settings.receiptFooter ?? 'Thank you!')}</div>
</body></html>`;
}
