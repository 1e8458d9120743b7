import { STATUS_KEY, type OrderStatus } from '@/components/register/orders/format';
import type { AuditEventView } from '@/lib/auth';
import type { Formats } from '@/lib/platform/formats';
import type { Messages } from '@/lib/platform/i18n';

/**
 * How the audit page shows a row's before/after and details. Writers record plain fields
 * (lib/platform/audit.ts); which of them are money, percentages or states is known here by
 * name, so a new writer that uses these names is shown right without touching this file.
 *
 * Everything a person reads here — field names, yes/no, states, roles, the details' labels,
 * what a row is about, the device — is in the reader's language (`auditChange`, the order
 * states through `orders.status*`), numbers in their digits, money in the tenant's display
 * (`AuditWords`). The stored fields, codes and values do not change: the API's rows are the same.
 */
const MONEY = new Set(['price', 'prices', 'amount', 'total', 'subtotal', 'refundedTotal', 'discountTotal', 'openingFloat', 'countedCash', 'expectedCash', 'difference', 'cashOutLimit', 'priceDelta', 'costs', 'unitCost']);
const PERCENT = new Set(['discountLimitBasisPoints', 'rateBasisPoints', 'limitBasisPoints', 'serviceChargeBasisPoints']);

type Words = Messages['auditChange'];
type Key = { [G in keyof Words]: `${G & string}.${keyof Words[G] & string}` }[keyof Words];
export type AuditChangeT = (key: Key, values?: Record<string, string | number>) => string;
export type OrderStatusT = (key: (typeof STATUS_KEY)[OrderStatus]) => string;
/** The audit words in the reader's language: `auditChange`, the `orders` namespace (order states) and the page's formats. */
export type AuditWords = { t: AuditChangeT; orders: OrderStatusT; f: Formats };

/** The fields with a name of their own (a field recorded under any other name is shown as recorded). */
const FIELDS: Record<keyof Words['field'], true> = {
  name: true, email: true, role: true, active: true, pin: true, status: true, refundedTotal: true, discountTotal: true, prices: true, costs: true,
  taxClass: true, category: true, trackStock: true, allowNegativeStock: true, pricesIncludeTax: true, discountLimitBasisPoints: true,
  serviceChargeBasisPoints: true, minPinLength: true, pinSwitchToOwner: true, cashOutLimit: true, receiptFooter: true, receiptLinkDays: true,
  address: true, phone: true, taxId: true, rateBasisPoints: true, options: true, minSelect: true, maxSelect: true, position: true, color: true, description: true,
};
const PIN_WORDS = { none: 'value.noPin', set: 'value.pinSet', new: 'value.newPin' } as const satisfies Record<string, Key>;
const STATE_WORDS = { active: 'value.active', archived: 'value.archived', open: 'value.open', closed: 'value.closed' } as const satisfies Record<string, Key>;
const known = <T extends object>(map: T, key: unknown): key is keyof T => typeof key === 'string' && Object.hasOwn(map, key);

export const fieldLabel = (field: string, { t }: AuditWords) => (known(FIELDS, field) ? t(`field.${field}`) : field);
const percent = (basisPoints: number, { t }: AuditWords) => t('value.percent', { value: basisPoints / 100 });

/** A recorded value in words: money in the tenant's currency, rates as percentages, yes/no, "—" for none. */
export function formatValue(field: string, value: unknown, currency: string, words: AuditWords): string {
  const { t, f } = words;
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('value.yes') : t('value.no');
  if (typeof value === 'number') {
    if (MONEY.has(field)) return f.money(value, currency);
    if (PERCENT.has(field)) return percent(value, words);
    return f.number(value);
  }
  if (typeof value === 'string') {
    if (field === 'pin') return known(PIN_WORDS, value) ? t(PIN_WORDS[value]) : value;
    // A product's, a shift's states are ours ("Open", not the parked order's words); an order's are the register's.
    if (field === 'status') return known(STATE_WORDS, value) ? t(STATE_WORDS[value]) : known(STATUS_KEY, value) ? words.orders(STATUS_KEY[value]) : value;
    if (field === 'role') return t('value.role', { role: value });
    return value;
  }
  if (Array.isArray(value)) {
    if (field === 'options') {
      return value.map((o: { name?: string; priceDelta?: number }) => (o.priceDelta ? t('value.optionDelta', { name: o.name ?? '', delta: f.moneyDelta(o.priceDelta, currency) }) : (o.name ?? ''))).join(t('value.separator')) || '—';
    }
    return value.map((v) => formatValue(field, v, currency, words)).join(t('value.separator'));
  }
  return JSON.stringify(value);
}

export type ChangeRow = { field: string; from: string; to: string };

/**
 * Before → after, one line per changed field; a nested map (prices by SKU) becomes one line
 * per key ("Price LAT-1"). A creation shows only "to", a deletion only "from".
 */
export function changeRows(before: Record<string, unknown> | null, after: Record<string, unknown> | null, currency: string, words: AuditWords): ChangeRow[] {
  const rows: ChangeRow[] = [];
  for (const key of new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])) {
    const [was, now] = [before?.[key], after?.[key]];
    const nested = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
    if (nested(was) || nested(now)) {
      const inner = new Set([...Object.keys(nested(was) ? was : {}), ...Object.keys(nested(now) ? now : {})]);
      for (const k of inner) {
        rows.push({
          field: words.t('value.nested', { field: fieldLabel(key, words), key: k }),
          from: formatValue(key, nested(was) ? was[k] : undefined, currency, words),
          to: formatValue(key, nested(now) ? now[k] : undefined, currency, words),
        });
      }
    } else {
      rows.push({ field: fieldLabel(key, words), from: before ? formatValue(key, was, currency, words) : '', to: after ? formatValue(key, now, currency, words) : '' });
    }
  }
  return rows;
}

const METHODS = { password: true, pin: true, sign_up: true } as const satisfies Record<keyof Words['method'], true>;
const FAILURES = {
  wrong_password: true,
  unknown_email: true,
  wrong_pin: true,
  unknown_person: true,
  pin_too_short: true,
  owner_needs_password: true,
  deactivated: true,
} as const satisfies Record<keyof Words['failure'], true>;

/** The details worth a line of their own, in words (anything else stays in the API's answer). */
export function detailRows(row: AuditEventView, currency: string, people: Record<string, string>, words: AuditWords): { label: string; value: string }[] {
  const { t, f } = words;
  const d = row.details;
  const out: { label: string; value: string }[] = [];
  const add = (label: Key, value: unknown) => {
    if (value !== undefined && value !== null && value !== '') out.push({ label: t(label), value: typeof value === 'number' ? f.number(value) : String(value) });
  };
  add('detail.reason', row.action.startsWith('auth.') && known(FAILURES, d.reason) ? t(`failure.${d.reason}`) : d.reason);
  add('detail.by', known(METHODS, d.method) ? t(`method.${d.method}`) : undefined);
  add('detail.emailTyped', row.action === 'auth.signed_in' ? undefined : d.email);
  if (typeof d.fromUserId === 'string') add('detail.insteadOf', people[d.fromUserId] ?? t('value.unknown'));
  if (typeof d.amount === 'number') add('detail.amount', f.money(d.amount, currency));
  if (Array.isArray(d.lines)) add('detail.items', (d.lines as { item: string; quantity: number }[]).map((l) => t('value.line', { quantity: l.quantity, item: l.item })).join(t('value.separator')));
  if (typeof d.limitBasisPoints === 'number') add('detail.limit', percent(d.limitBasisPoints, words));
  if (Array.isArray(d.lineDiscounts) && d.lineDiscounts.length) add('detail.discountedItems', (d.lineDiscounts as { item: string }[]).map((l) => l.item).join(t('value.separator')));
  if (typeof d.countedCash === 'number') add('detail.counted', f.money(d.countedCash, currency));
  if (typeof d.expectedCash === 'number') add('detail.expected', f.money(d.expectedCash, currency));
  if (typeof d.difference === 'number') add('detail.overShort', f.money(d.difference, currency));
  add('detail.location', d.location);
  add('detail.register', d.registerName);
  add('detail.note', d.note);
  add('detail.cardServiceSaid', d.message);
  if (row.action === 'products.imported') {
    add('detail.created', d.created);
    add('detail.updated', d.updated);
    if (typeof d.pricesChanged === 'number' && d.pricesChanged > 0) add('detail.pricesChanged', d.pricesChanged);
  }
  if (typeof d.itemsCounted === 'number') add('detail.itemsCounted', d.itemsCounted);
  return out;
}

const ENTITIES = {
  order: true,
  user: true,
  product: true,
  tax_class: true,
  category: true,
  modifier_group: true,
  stock_document: true,
  shift: true,
  tenant: true,
  location: true,
  table: true,
  menu: true,
} as const;

/** What a row is about, in words, and the admin page that shows it (when there is one). */
export function entityOf(row: AuditEventView, people: Record<string, string>, { t }: AuditWords): { text: string; href: string | null } {
  const d = row.details;
  const id = row.entityId;
  const name = typeof d.name === 'string' && d.name !== '' ? d.name : null;
  switch (row.entityType) {
    case 'order':
      return { text: typeof d.number === 'number' ? t('entity.orderNumber', { number: d.number }) : t('entity.order'), href: id ? `/admin/orders/${id}` : null };
    case 'user':
      return { text: id ? (people[id] ?? t('entity.unknownAccount')) : t('entity.noAccount'), href: id ? '/admin/staff' : null };
    case 'product':
      return { text: name ?? (row.action === 'products.imported' ? t('entity.productsImport') : t('entity.product')), href: id ? `/admin/catalog/products/${id}` : '/admin/catalog' };
    case 'tax_class':
      return { text: name ? t('entity.taxClassNamed', { name }) : t('entity.tax_class'), href: '/admin/catalog/taxes' };
    case 'category':
      return { text: name ? t('entity.categoryNamed', { name }) : t('entity.category'), href: '/admin/catalog/categories' };
    case 'modifier_group':
      return { text: name ? t('entity.modifierGroupNamed', { name }) : t('entity.modifier_group'), href: '/admin/catalog/modifiers' };
    case 'stock_document':
      return { text: row.action === 'stock.counted' ? t('entity.stockCount') : t('entity.stockAdjustment'), href: '/admin/stock' };
    case 'tenant':
      return { text: t('entity.settings'), href: row.action === 'settings.updated' ? '/admin/settings' : null };
    case 'shift':
      return { text: typeof d.registerName === 'string' ? t('entity.shiftOn', { register: d.registerName }) : t('entity.shift'), href: null };
    default:
      return { text: known(ENTITIES, row.entityType) ? t(`entity.${row.entityType}`) : row.entityType, href: null };
  }
}

/** "Chrome on macOS" from a User-Agent (the names are brands, "on" is the reader's); the first words of anything not recognised; "—" for none. */
export function shortDevice(userAgent: string | null, { t }: Pick<AuditWords, 't'>): string {
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
  if (browser) return system ? t('device.browserOn', { browser, system }) : browser;
  return userAgent.split(/[\s(;]/)[0]!.slice(0, 40) || '—';
}
