import { staffNameOf, type TenantContext } from '@/lib/auth';
import { formatsFor } from '@/lib/platform/formats';
import { translatorFor } from '@/lib/platform/i18n';
import type { Locale } from '@/lib/platform/locale';
import { type TenantInfo, getTenantSettings, type TenantSettings } from '@/lib/tenancy';
import { variantLabel } from '@/lib/catalog';
import { loyaltyOnReceipt, type ReceiptLoyalty } from '@/lib/customers';
import { withTenant } from '@/lib/platform/db';
import { orderViewIn, type OrderView } from './orders';
import { notFound } from '@/lib/platform/errors';
import { escapeHtml } from '@/lib/platform/html';
import { linkExpired, orderOfToken, receiptLinkIn, receiptLinkView, type ReceiptLink } from './receipt-links';
import type { SplitPartView } from './split-parts';

/** What one part of a split bill covered: units of lines (by item or seat), shares of shared lines; an equal share covers a share of the whole. */
type ReceiptT = ReturnType<typeof translatorFor<'receipt'>>;

function partLines(order: OrderView, part: SplitPartView, money: (minor: number) => string, row: (left: string, right: string) => string, t: ReceiptT): string {
  if (part.items.length === 0) return row(escape(t('partOfOrder', { part: part.label, number: order.number })), money(part.amount));
  const lineById = new Map(order.lines.map((l) => [l.id, l]));
  return part.items
    .map((item) => {
      const line = lineById.get(item.lineId);
      const name = line ? variantLabel(line) : t('item');
      return item.sharedBy
        ? row(escape(t('sharedLine', { ways: item.sharedBy, quantity: line?.quantity ?? '', name })), money(item.amount))
        : row(escape(t('line', { quantity: item.quantity, name })), money(item.amount));
    })
    .join('');
}

/**
 * The customer receipt as a standalone HTML page laid out for 80 mm thermal paper (72 mm of
 * print width); the register opens it after payment and prints it. Everything shown comes
 * from the order's own snapshot, never from today's catalog.
 */
const escape = escapeHtml;

/**
 * Myanmar faces after the monospace ones, so Burmese on a receipt never prints as boxes: the
 * bundled Noto Sans Myanmar (the register's print frame carries its @font-face, see printHtml),
 * then what phones and desktops ship (a public link or an email has no bundled font).
 */
export const RECEIPT_MYANMAR_FONTS = "'Noto Sans Myanmar', 'Myanmar Text', 'Myanmar Sangam MN', 'Padauk'";

export type ReceiptOptions = {
  /** The receipt of that part of its split bill (what it covered and its own tenders). */
  partId?: string | null;
  /** The tenant host's origin (`https://golden-cup.example.com`): the receipt then prints its public link and QR code. */
  origin?: string;
};

/**
 * The receipt of one of the tenant's orders, with its settings' header and footer and the
 * cashier's name; with `origin`, its public link (made the first time) and the link's QR code.
 */
export async function receiptOf(ctx: TenantContext, orderId: string, options: ReceiptOptions = {}): Promise<string> {
  return (await renderedReceipt(ctx, orderId, options)).html;
}

/** receiptOf with the order it shows (an email needs its number). */
export async function renderedReceipt(ctx: TenantContext, orderId: string, { partId = null, origin }: ReceiptOptions = {}): Promise<{ html: string; order: OrderView; locale: Locale }> {
  const { order, settings, token } = await withTenant(ctx.tenantId, async (tx) => {
    const order = await orderViewIn(tx, orderId);
    return { order, settings: await getTenantSettings(ctx, tx), token: origin ? await receiptLinkIn(tx, ctx.tenantId, order.id) : null };
  });
  const part = partId ? order.parts.find((p) => p.id === partId) : null;
  if (part === undefined) throw notFound('Part of the bill');
  const [cashier, loyalty] = await Promise.all([
    staffNameOf(ctx, order.createdBy),
    loyaltyOnReceipt(ctx, { id: order.id, customerId: order.customerId, paid: order.paidAt !== null, total: order.total }),
  ]);
  const link = origin && token ? await receiptLinkView(origin, token) : null;
  return { order, locale: settings.locale, html: renderReceipt(order, ctx.tenant, settings, cashier, part, { link, loyalty }) };
}

/** What `/r/<token>` answers: the one order's receipt, or why not (an unknown token and another business's are the same 404). */
export type PublicReceipt = { status: 'ok'; html: string } | { status: 'expired' } | { status: 'not_found' };

/**
 * The receipt a public link opens, on the host tenant only (`tenant` comes from the Host header):
 * the token is looked up under that tenant's RLS, so another business's token finds nothing. Past
 * the tenant's `receiptLinkDays` from the sale it is `expired`. The page is the printed receipt
 * without the link itself (the customer is on it).
 */
export async function publicReceipt(tenant: TenantInfo, token: string): Promise<PublicReceipt> {
  const found = await withTenant(tenant.id, async (tx) => {
    const orderId = await orderOfToken(tx, token);
    if (!orderId) return null;
    return { order: await orderViewIn(tx, orderId), settings: await getTenantSettings({ tenantId: tenant.id }, tx) };
  });
  if (!found) return { status: 'not_found' };
  const { order, settings } = found;
  if (linkExpired(new Date(order.placedAt ?? order.createdAt), settings.receiptLinkDays)) return { status: 'expired' };
  const cashier = await staffNameOf({ tenantId: tenant.id }, order.createdBy);
  return { status: 'ok', html: renderReceipt(order, tenant, settings, cashier) };
}

export function renderReceipt(
  order: OrderView,
  tenant: TenantInfo,
  settings: TenantSettings,
  cashierName: string | null,
  part: SplitPartView | null = null,
  { link = null, loyalty = null }: { link?: ReceiptLink | null; loyalty?: ReceiptLoyalty | null } = {},
): string {
  // In the tenant's language, whoever prints it: the customer reads the shop's receipt (docs/i18n.md).
  const t = translatorFor(settings.locale, 'receipt');
  const f = formatsFor(settings.locale, settings.currencyDisplay);
  const money = (minor: number) => escape(f.money(minor, order.currency));
  const when = f.dateTime(order.placedAt ?? order.createdAt, tenant.timeZone);
  const row = (left: string, right: string, cls = '') => `<div class="row ${cls}"><span>${left}</span><span>${right}</span></div>`;

  const lines = part ? partLines(order, part, money, row, t) : order.lines
    .map((l) => {
      const extras = [
        ...l.modifiers.map((m) => `+ ${escape(m.optionName)}${m.priceDelta ? ` ${money(m.priceDelta)}` : ''}`),
        ...(l.note ? [`“${escape(l.note)}”`] : []),
        ...(l.lineDiscount ? [`${escape(l.discount?.reason ?? t('discount'))} −${money(l.lineDiscount)}`] : []),
        ...(l.refundedQuantity ? [escape(t('refundedOf', { refunded: l.refundedQuantity, quantity: l.quantity }))] : []),
      ];
      return `${row(escape(t('line', { quantity: l.quantity, name: variantLabel(l) })), money(l.gross))}${extras.map((e) => `<div class="sub">${e}</div>`).join('')}`;
    })
    .join('');

  const taxByRate = new Map<number, number>();
  for (const l of order.lines) if (l.tax) taxByRate.set(l.taxRateBasisPoints, (taxByRate.get(l.taxRateBasisPoints) ?? 0) + l.tax);
  const taxes = [...taxByRate.entries()]
    .map(([rate, tax]) => row(escape(t(order.pricesIncludeTax ? 'taxRateIncluded' : 'taxRate', { rate: rate / 100 })), money(tax)))
    .join('');
  const orderDiscount = order.lines.reduce((s, l) => s + l.orderDiscount, 0);
  const captured = order.payments.filter((p) => p.status === 'captured' && (!part || p.partId === part.id));
  const tenders = captured
    .map((p) => row(p.tender === 'cash' ? (p.cashTendered ? t('cashTendered', { amount: money(p.cashTendered) }) : t('cash')) : t('card'), money(p.amount)) + (p.tip ? `<div class="sub">${row(t('tip'), money(p.tip))}</div>` : ''))
    .join('');
  const tipTotal = captured.reduce((s, p) => s + p.tip, 0);
  const changeGiven = part ? captured.reduce((s, p) => s + (p.changeGiven ?? 0), 0) : order.changeGiven;
  const balanceDue = part ? part.balanceDue : order.balanceDue;
  // The full receipt of a split bill says how it was split and what each part still owes.
  const parts = part
    ? ''
    : order.parts.map((p) => row(escape(p.label), p.balanceDue ? t('partPaidOf', { paid: money(p.paidTotal), amount: money(p.amount) }) : t('partPaid', { amount: money(p.amount) }))).join('');
  const refunds = order.refunds
    .filter((r) => r.status !== 'failed')
    .map((r) => row(escape(t(r.status === 'pending' ? 'refundToPending' : 'refundTo', { tender: r.tender })), `−${money(r.amount)}`))
    .join('');

  const header = [
    settings.address && `<div>${escape(settings.address)}</div>`,
    settings.phone && `<div>${escape(settings.phone)}</div>`,
    settings.taxId && `<div>${escape(t('taxId', { id: settings.taxId }))}</div>`,
  ]
    .filter(Boolean)
    .join('');

  return `<!doctype html>
<html lang="${settings.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(t('title', { number: order.number, store: tenant.name }))}</title>
<style>
  @page { size: 80mm auto; margin: 4mm; }
  * { box-sizing: border-box; }
  body { font: 12px/1.35 ui-monospace, 'DejaVu Sans Mono', Menlo, ${RECEIPT_MYANMAR_FONTS}, monospace; color: #000; margin: 0 auto; width: 72mm; padding: 4mm 0; }
  h1 { font-size: 15px; text-align: center; margin: 0 0 2px; }
  .center { text-align: center; }
  .row { display: flex; justify-content: space-between; gap: 8px; }
  .row span:last-child { white-space: nowrap; }
  .sub { padding-left: 12px; color: #333; }
  .total { font-weight: 700; font-size: 14px; }
  hr { border: 0; border-top: 1px dashed #000; margin: 6px 0; }
  .qr svg { display: block; width: 30mm; height: 30mm; margin: 4px auto; }
  .link { text-align: center; font-size: 10px; word-break: break-all; }
  .void { text-align: center; font-weight: 700; font-size: 16px; border: 2px solid #000; margin: 6px 0; }
  @media screen { body { box-shadow: 0 0 0 1px #ddd; padding: 6mm 4mm; margin-top: 12px; } }
</style></head>
<body>
  <h1>${escape(tenant.name)}</h1>
  <div class="center">${header}</div>
  <hr>
  ${row(escape(t('order', { number: order.number })), escape(when))}
  ${row(escape(order.type === 'dine_in' ? (order.covers ? t('dineInGuests', { guests: order.covers }) : t('dineIn')) : order.type === 'takeaway' ? t('takeaway') : t('sale')), cashierName ? escape(cashierName) : '')}
  ${order.customerName ? `<div>${escape(t('forCustomer', { name: order.customerName }))}</div>` : ''}
  ${order.status === 'voided' ? `<div class="void">${escape(t('void'))}</div>` : ''}
  ${part ? `<div class="center total">${escape(t('splitPart', { part: part.label }))}</div>` : ''}
  <hr>
  ${lines}
  <hr>
  ${
    part
      ? `${row(escape(t('partTotal', { part: part.label })), money(part.amount), 'total')}${row(escape(t('orderTotal')), money(order.total))}`
      : `${row(escape(t('subtotal')), money(order.subtotal))}
  ${orderDiscount ? row(escape(order.orderDiscount?.reason ? t('discountNamed', { reason: order.orderDiscount.reason }) : t('orderDiscount')), `−${money(orderDiscount)}`) : ''}
  ${order.serviceChargeTotal ? row(escape(t('serviceCharge', { rate: order.serviceChargeBasisPoints / 100 })), money(order.serviceChargeTotal)) : ''}
  ${order.pricesIncludeTax ? '' : taxes}
  ${row(escape(t('total')), money(order.total), 'total')}
  ${order.pricesIncludeTax ? taxes : ''}`
  }
  <hr>
  ${tenders || `<div>${escape(t('notPaid'))}</div>`}
  ${tipTotal ? row(escape(t('paidWithTips')), money(captured.reduce((s, p) => s + p.amount + p.tip, 0))) : ''}
  ${changeGiven ? row(escape(t('change')), money(changeGiven)) : ''}
  ${balanceDue ? row(escape(t('balanceDue')), money(balanceDue), 'total') : ''}
  ${parts ? `<hr><div>${escape(t('splitBill'))}</div>${parts}` : ''}
  ${refunds && !part ? `<hr>${refunds}` : ''}
  ${
    loyalty
      ? `<hr><div>${escape(t('customer', { name: loyalty.customerName }))}</div>${loyalty.redeemed ? row(escape(t('pointsRedeemed')), `−${f.number(loyalty.redeemed)}`) : ''}${loyalty.earned ? row(escape(t('pointsEarned')), `${loyalty.earned > 0 ? '+' : ''}${f.number(loyalty.earned)}`) : ''}${row(escape(t('pointsBalance')), f.number(loyalty.balance), 'total')}`
      : ''
  }
  <hr>
  ${link ? `<div class="qr" role="img" aria-label="${escape(t('qrLabel'))}">${link.qrSvg}</div><div class="link">${escape(t('onlineFor', { days: settings.receiptLinkDays }))}<br>${escape(link.url)}</div><hr>` : ''}
  <div class="center">${escape(settings.receiptFooter ?? t('thankYou'))}</div>
</body></html>`;
}

const TEXT_WIDTH = 42;
const unescape = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);

/**
 * The plain-text version of a receipt renderReceipt made (an email's text part): the same rows
 * read off its markup, left and right columns padded to 42 characters, rules as dashes, the QR
 * code left out (its link is printed under it). Not a second renderer: it knows only
 * renderReceipt's few shapes (a row of two spans, a rule, a block).
 */
export function receiptText(html: string): string {
  const body = html.slice(html.indexOf('<body>') + '<body>'.length, html.lastIndexOf('</body>'));
  return unescape(
    body
      .replace(/<div class="qr"[^>]*>[\s\S]*?<\/svg><\/div>/g, '')
      // A row's two sides, kept apart (\u0001) until the text is unescaped and can be measured.
      .replace(/<div class="row[^"]*"><span>([\s\S]*?)<\/span><span>([\s\S]*?)<\/span><\/div>/g, '\n$1\u0001$2\n')
      .replace(/<div class="sub">/g, '\n\u0002')
      .replace(/<hr>/g, `\n${'-'.repeat(TEXT_WIDTH)}\n`)
      .replace(/<br>|<\/div>|<\/h1>/g, '\n')
      .replace(/<[^>]+>/g, ''),
  )
    .split('\n')
    .map((raw) => {
      const line = raw.trim().replace('\u0002', '  ').trimEnd();
      const [left, right] = line.split('\u0001');
      return right === undefined ? line : `${left}${' '.repeat(Math.max(1, TEXT_WIDTH - left!.length - right.length))}${right}`.trimEnd();
    })
    .filter((line, i, all) => line !== '' || (i > 0 && all[i - 1] !== ''))
    .join('\n')
    .trim()
    .concat('\n');
}
