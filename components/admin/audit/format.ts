import { formatRate } from '@/components/admin/catalog/format';
import { STATUS_LABEL } from '@/components/register/orders/format';
import type { AuditEventView } from '@/lib/auth';
import { formatMoney } from '@/lib/platform/money';

/**
 * How the audit page shows a row's before/after and details. Writers record plain fields
 * (lib/platform/audit.ts); which of them are money, percentages or states is known here by
 * name, so a new writer that uses these names is shown right without touching this file.
 */
const MONEY = new Set(['price', 'prices', 'amount', 'total', 'subtotal', 'refundedTotal', 'discountTotal', 'openingFloat', 'countedCash', 'expectedCash', 'difference', 'cashOutLimit', 'priceDelta', 'costs', 'unitCost']);
const PERCENT = new Set(['discountLimitBasisPoints', 'rateBasisPoints', 'limitBasisPoints', 'serviceChargeBasisPoints']);

const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  email: 'Email',
  role: 'Role',
  active: 'Active',
  pin: 'PIN',
  status: 'Status',
  refundedTotal: 'Refunded',
  discountTotal: 'Discounts',
  prices: 'Price',
  costs: 'Cost',
  taxClass: 'Tax class',
  category: 'Category',
  trackStock: 'Tracks stock',
  allowNegativeStock: 'May sell below zero',
  pricesIncludeTax: 'Prices include tax',
  discountLimitBasisPoints: 'Discount limit',
  serviceChargeBasisPoints: 'Service charge',
  minPinLength: 'Shortest PIN',
  pinSwitchToOwner: 'Switch staff to an owner',
  cashOutLimit: 'Cash-out limit',
  receiptFooter: 'Receipt footer',
  receiptLinkDays: 'Receipt link days',
  address: 'Address',
  phone: 'Phone',
  taxId: 'Tax number',
  rateBasisPoints: 'Rate',
  options: 'Options',
  minSelect: 'Choose at least',
  maxSelect: 'Choose at most',
  position: 'Position',
  color: 'Colour',
  description: 'Description',
};

const PIN_WORDS: Record<string, string> = { none: 'No PIN', set: 'PIN set', new: 'New PIN' };
const STATE_WORDS: Record<string, string> = { ...STATUS_LABEL, active: 'Active', archived: 'Archived', open: 'Open', closed: 'Closed' };

export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? field;

/** A recorded value in words: money in the tenant's currency, rates as percentages, yes/no, "—" for none. */
export function formatValue(field: string, value: unknown, currency: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') {
    if (MONEY.has(field)) return formatMoney(value, currency);
    if (PERCENT.has(field)) return formatRate(value);
    return value.toLocaleString('en');
  }
  if (typeof value === 'string') {
    if (field === 'pin') return PIN_WORDS[value] ?? value;
    if (field === 'status') return STATE_WORDS[value] ?? value;
    if (field === 'role') return value[0]!.toUpperCase() + value.slice(1);
    return value;
  }
  if (Array.isArray(value)) {
    if (field === 'options') {
      return value.map((o: { name?: string; priceDelta?: number }) => (o.priceDelta ? `${o.name} (${o.priceDelta > 0 ? '+' : ''}${formatMoney(o.priceDelta, currency)})` : o.name)).join(', ') || '—';
    }
    return value.map((v) => formatValue(field, v, currency)).join(', ');
  }
  return JSON.stringify(value);
}

export type ChangeRow = { field: string; from: string; to: string };

/**
 * Before → after, one line per changed field; a nested map (prices by SKU) becomes one line
 * per key ("Price LAT-1"). A creation shows only "to", a deletion only "from".
 */
export function changeRows(before: Record<string, unknown> | null, after: Record<string, unknown> | null, currency: string): ChangeRow[] {
  const rows: ChangeRow[] = [];
  for (const key of new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])) {
    const [was, now] = [before?.[key], after?.[key]];
    const nested = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
    if (nested(was) || nested(now)) {
      const inner = new Set([...Object.keys(nested(was) ? was : {}), ...Object.keys(nested(now) ? now : {})]);
      for (const k of inner) {
        rows.push({ field: `${fieldLabel(key)} ${k}`, from: formatValue(key, nested(was) ? was[k] : undefined, currency), to: formatValue(key, nested(now) ? now[k] : undefined, currency) });
      }
    } else {
      rows.push({ field: fieldLabel(key), from: before ? formatValue(key, was, currency) : '', to: after ? formatValue(key, now, currency) : '' });
    }
  }
  return rows;
}

const METHOD: Record<string, string> = { password: 'Email and password', pin: 'PIN', sign_up: 'Sign-up link' };
const FAILURE: Record<string, string> = {
  wrong_password: 'Wrong password',
  unknown_email: 'No account with this email',
  wrong_pin: 'Wrong PIN',
  unknown_person: 'No such person',
  pin_too_short: 'PIN shorter than the minimum',
  owner_needs_password: 'Owners sign in with their password',
  deactivated: 'Account deactivated',
};

/** The details worth a line of their own, in words (anything else stays in the API's answer). */
export function detailRows(row: AuditEventView, currency: string, people: Record<string, string>): { label: string; value: string }[] {
  const d = row.details;
  const out: { label: string; value: string }[] = [];
  const add = (label: string, value: unknown) => {
    if (value !== undefined && value !== null && value !== '') out.push({ label, value: String(value) });
  };
  add('Reason', row.action.startsWith('auth.') ? (FAILURE[d.reason as string] ?? d.reason) : d.reason);
  add('By', METHOD[d.method as string]);
  add('Email typed', row.action === 'auth.signed_in' ? undefined : d.email);
  if (typeof d.fromUserId === 'string') add('Instead of', people[d.fromUserId] ?? 'Unknown');
  if (typeof d.amount === 'number') add('Amount', formatMoney(d.amount, currency));
  if (Array.isArray(d.lines)) add('Items', (d.lines as { item: string; quantity: number }[]).map((l) => `${l.quantity} × ${l.item}`).join(', '));
  if (typeof d.limitBasisPoints === 'number') add('Limit', formatRate(d.limitBasisPoints));
  if (Array.isArray(d.lineDiscounts) && d.lineDiscounts.length) add('Discounted items', (d.lineDiscounts as { item: string }[]).map((l) => l.item).join(', '));
  if (typeof d.countedCash === 'number') add('Counted', formatMoney(d.countedCash, currency));
  if (typeof d.expectedCash === 'number') add('Expected', formatMoney(d.expectedCash, currency));
  if (typeof d.difference === 'number') add('Over/short', formatMoney(d.difference, currency));
  add('Location', d.location);
  add('Register', d.registerName);
  add('Note', d.note);
  add('Card service said', d.message);
  if (row.action === 'products.imported') {
    add('Created', d.created);
    add('Updated', d.updated);
    if (typeof d.pricesChanged === 'number' && d.pricesChanged > 0) add('Prices changed', d.pricesChanged);
  }
  if (typeof d.itemsCounted === 'number') add('Items counted', d.itemsCounted);
  return out;
}

const ENTITY_WORDS: Record<string, string> = {
  order: 'Order',
  user: 'Staff member',
  product: 'Product',
  tax_class: 'Tax class',
  category: 'Category',
  modifier_group: 'Modifier group',
  stock_document: 'Stock',
  shift: 'Shift',
  tenant: 'Business',
  location: 'Location',
  table: 'Table',
  menu: 'Menu',
};

/** What a row is about, in words, and the admin page that shows it (when there is one). */
export function entityOf(row: AuditEventView, people: Record<string, string>): { text: string; href: string | null } {
  const d = row.details;
  const id = row.entityId;
  switch (row.entityType) {
    case 'order':
      return { text: typeof d.number === 'number' ? `Order #${d.number}` : 'Order', href: id ? `/admin/orders/${id}` : null };
    case 'user':
      return { text: id ? (people[id] ?? 'Unknown account') : 'No account', href: id ? '/admin/staff' : null };
    case 'product':
      return { text: typeof d.name === 'string' ? d.name : row.action === 'products.imported' ? 'Products (import)' : 'Product', href: id ? `/admin/catalog/products/${id}` : '/admin/catalog' };
    case 'tax_class':
      return { text: `Tax class ${typeof d.name === 'string' ? d.name : ''}`.trim(), href: '/admin/catalog/taxes' };
    case 'category':
      return { text: `Category ${typeof d.name === 'string' ? d.name : ''}`.trim(), href: '/admin/catalog/categories' };
    case 'modifier_group':
      return { text: `Modifier group ${typeof d.name === 'string' ? d.name : ''}`.trim(), href: '/admin/catalog/modifiers' };
    case 'stock_document':
      return { text: row.action === 'stock.counted' ? 'Stock count' : 'Stock adjustment', href: '/admin/stock' };
    case 'tenant':
      return { text: 'Settings', href: row.action === 'settings.updated' ? '/admin/settings' : null };
    case 'shift':
      return { text: typeof d.registerName === 'string' ? `Shift on ${d.registerName}` : 'Shift', href: null };
    default:
      return { text: ENTITY_WORDS[row.entityType] ?? row.entityType, href: null };
  }
}

/** "Chrome on macOS" from a User-Agent; the first words of anything not recognised; "—" for none. */
export function shortDevice(userAgent: string | null): string {
  if (!userAgent) return '—';
  const browser =
    /Edg(A|iOS)?\//.test(userAgent) ? 'Edge'
    : /OPR\//.test(userAgent) ? 'Opera'
    : /Firefox\/|FxiOS\//.test(userAgent) ? 'Firefox'
    : /Chrome\/|CriOS\//.test(userAgent) ? 'Chrome'
    : /Version\/[\d.]+.*Safari\//.test(userAgent) ? 'Safari'
    : null;
  const system =
    /iPhone|iPad|iPod/.test(userAgent) ? 'iOS'
    : /Android/.test(userAgent) ? 'Android'
    : /CrOS/.test(userAgent) ? 'ChromeOS'
    : /Windows/.test(userAgent) ? 'Windows'
    : /Mac OS X|Macintosh/.test(userAgent) ? 'macOS'
    : /Linux/.test(userAgent) ? 'Linux'
    : null;
  if (browser) return system ? `${browser} on ${system}` : browser;
  return userAgent.split(/[\s(;]/)[0]!.slice(0, 40) || '—';
}
