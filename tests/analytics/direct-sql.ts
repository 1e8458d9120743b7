import { sql, type SQL } from 'drizzle-orm';
import { withTenant } from '@/lib/platform/db';
import { rowsOf } from '../helpers';

/**
 * The reports' figures computed straight from the order tables, written here independently of
 * lib/analytics and lib/orders' read model: business days in SQL (wall clock in the zone minus
 * the day start), sales by paid time, settled refunds by settled time, voids by voided time.
 * Definitions as docs/analytics.md gives them.
 */
export type Rule = { timeZone: string; dayStartsAt: string };
export type Range = { from: string; to: string; locationId?: string };

const num = (v: unknown) => Number(v ?? 0);

function helpers(rule: Rule, range: Range) {
  const day = (column: string) => sql`((((${sql.raw(column)}) at time zone ${rule.timeZone}::text) - ${rule.dayStartsAt}::interval)::date)`;
  const hour = (column: string) => sql`extract(hour from (${sql.raw(column)}) at time zone ${rule.timeZone}::text)::int`;
  const inDays = (column: string) => sql`${day(column)} between ${range.from}::date and ${range.to}::date`;
  const here = (alias: string) => (range.locationId ? sql` and ${sql.raw(alias)}.location_id = ${range.locationId}::uuid` : sql``);
  return { day, hour, inDays, here };
}

/** Refunded sales of one refund line: money back less the tax added on top (tax-exclusive prices). */
const refundedSales = sql.raw(`((e->>'amount')::int - case when o.prices_include_tax then 0 else (e->>'tax')::int end)`);

async function query<T>(tenantId: string, statement: SQL): Promise<T[]> {
  return withTenant(tenantId, async (tx) => rowsOf<T>(await tx.execute(statement)));
}

type SalesRow = {
  orders: number;
  items: number;
  covers: number;
  gross: number;
  discounts: number;
  serviceCharge: number;
  tax: number;
  tips: number;
  refundCount: number;
  refunds: number;
  refundTax: number;
  voids: number;
  cost: number;
  costedSales: number;
  uncostedItems: number;
  uncostedSales: number;
};

/** A sold line's sales before tax (of l, in order o): net and its service charge, less tax inside shelf prices. */
const lineSalesBeforeTax = sql.raw(`(l.net + l.service_charge - case when o.prices_include_tax then l.tax else 0 end)`);

/** Tips on an order's captured payments (the staff's; beside the sales figures). */
const tipsOf = sql.raw(`(select coalesce(sum(p.tip), 0) from payments p where p.order_id = o.id and p.status = 'captured')`);

/** Sums of sales, refunds and voids in the range, grouped by `by` (none, the business day, or the local hour). */
async function salesSums(tenantId: string, rule: Rule, range: Range, by: 'none' | 'day' | 'hour'): Promise<(SalesRow & { key: string | number | null })[]> {
  const { day, hour, here } = helpers(rule, range);
  const key = by === 'day' ? sql.raw('d::text') : by === 'hour' ? sql.raw('h') : sql.raw('null');
  const rows = await query<Record<string, unknown>>(
    tenantId,
    sql`
      with facts as (
        select ${day('o.paid_at')} d, ${hour('o.paid_at')} h, 1 orders,
               (select sum(l.quantity) from order_lines l where l.order_id = o.id) items, coalesce(o.covers, 0) covers,
               o.subtotal gross, o.discount_total discounts, o.service_charge_total service_charge, o.tax_total tax, ${tipsOf} tips,
               0 refund_count, 0 refunds, 0 refund_tax, 0 voids,
               (select sum(l.unit_cost * l.quantity) from order_lines l where l.order_id = o.id) cost,
               (select sum(${lineSalesBeforeTax}) from order_lines l where l.order_id = o.id and l.unit_cost is not null) costed_sales,
               (select sum(l.quantity) from order_lines l where l.order_id = o.id and l.unit_cost is null) uncosted_items,
               (select sum(${lineSalesBeforeTax}) from order_lines l where l.order_id = o.id and l.unit_cost is null) uncosted_sales
        from orders o where o.paid_at is not null ${here('o')}
        union all
        select ${day('r.settled_at')}, ${hour('r.settled_at')}, 0, 0, 0, 0, 0, 0, 0, 0, 1,
               (select sum(${refundedSales}) from jsonb_array_elements(r.lines) e),
               (select sum((e->>'tax')::int) from jsonb_array_elements(r.lines) e), 0,
               -(select sum(l.unit_cost * (e->>'quantity')::int) from jsonb_array_elements(r.lines) e join order_lines l on l.id = (e->>'lineId')::uuid),
               -(select sum((e->>'amount')::int - (e->>'tax')::int) from jsonb_array_elements(r.lines) e join order_lines l on l.id = (e->>'lineId')::uuid where l.unit_cost is not null),
               0,
               -(select sum((e->>'amount')::int - (e->>'tax')::int) from jsonb_array_elements(r.lines) e join order_lines l on l.id = (e->>'lineId')::uuid where l.unit_cost is null)
        from order_refunds r join orders o on o.id = r.order_id where r.status = 'settled' ${here('o')}
        union all
        select ${day('o.voided_at')}, ${hour('o.voided_at')}, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0
        from orders o where o.status = 'voided' ${here('o')}
      )
      select ${key} as key, count(*) filter (where orders = 1)::int orders, coalesce(sum(items), 0)::int items, coalesce(sum(covers), 0)::int covers,
             coalesce(sum(gross), 0)::int gross, coalesce(sum(discounts), 0)::int discounts, coalesce(sum(service_charge), 0)::int "serviceCharge",
             coalesce(sum(tax), 0)::int tax, coalesce(sum(tips), 0)::int tips,
             coalesce(sum(refund_count), 0)::int "refundCount", coalesce(sum(refunds), 0)::int refunds, coalesce(sum(refund_tax), 0)::int "refundTax",
             coalesce(sum(voids), 0)::int voids,
             coalesce(sum(cost), 0)::int cost, coalesce(sum(costed_sales), 0)::int "costedSales",
             coalesce(sum(uncosted_items), 0)::int "uncostedItems", coalesce(sum(uncosted_sales), 0)::int "uncostedSales"
      from facts where d between ${range.from}::date and ${range.to}::date
      group by 1 order by 1`,
  );
  return rows.map((r) => ({
    key: r.key as string | number | null,
    orders: num(r.orders),
    items: num(r.items),
    covers: num(r.covers),
    gross: num(r.gross),
    discounts: num(r.discounts),
    serviceCharge: num(r.serviceCharge),
    tax: num(r.tax),
    tips: num(r.tips),
    refundCount: num(r.refundCount),
    refunds: num(r.refunds),
    refundTax: num(r.refundTax),
    voids: num(r.voids),
    cost: num(r.cost),
    costedSales: num(r.costedSales),
    uncostedItems: num(r.uncostedItems),
    uncostedSales: num(r.uncostedSales),
  }));
}

const halfUp = (a: number, b: number) => (b === 0 ? 0 : Math.floor((2 * a + b) / (2 * b)));

/** The summary's figures (current period only). */
export async function directSummary(tenantId: string, rule: Rule, range: Range) {
  const s = (await salesSums(tenantId, rule, range, 'none'))[0] ?? {
    orders: 0,
    items: 0,
    covers: 0,
    gross: 0,
    discounts: 0,
    serviceCharge: 0,
    tax: 0,
    tips: 0,
    refundCount: 0,
    refunds: 0,
    refundTax: 0,
    voids: 0,
    cost: 0,
    costedSales: 0,
    uncostedItems: 0,
    uncostedSales: 0,
  };
  return {
    gross: s.gross,
    discounts: s.discounts,
    serviceCharge: s.serviceCharge,
    refunds: s.refunds,
    net: s.gross - s.discounts + s.serviceCharge - s.refunds,
    tax: s.tax - s.refundTax,
    tips: s.tips,
    orders: s.orders,
    averageTicket: halfUp(s.gross - s.discounts + s.serviceCharge, s.orders),
    items: s.items,
    covers: s.covers,
    refundCount: s.refundCount,
    voids: s.voids,
    costOfGoods: s.cost,
    costedSales: s.costedSales,
    grossProfit: s.costedSales - s.cost,
    uncostedItems: s.uncostedItems,
    uncostedSales: s.uncostedSales,
  };
}

/** Per business day (days with something only) or per local hour. */
export async function directSalesBy(tenantId: string, rule: Rule, range: Range, by: 'day' | 'hour') {
  return (await salesSums(tenantId, rule, range, by)).map((s) => ({
    key: s.key,
    orders: s.orders,
    gross: s.gross,
    discounts: s.discounts,
    serviceCharge: s.serviceCharge,
    refunds: s.refunds,
    net: s.gross - s.discounts + s.serviceCharge - s.refunds,
    tax: s.tax - s.refundTax,
    tips: s.tips,
    items: s.items,
    covers: s.covers,
  }));
}

export async function directTenders(tenantId: string, rule: Rule, range: Range) {
  const { inDays, here } = helpers(rule, range);
  const rows = await query<Record<string, unknown>>(
    tenantId,
    sql`
      select tender, sum(payments)::int payments, sum(taken)::int taken, sum(refunded)::int refunded from (
        select p.tender, 1 payments, p.amount taken, 0 refunded
        from payments p join orders o on o.id = p.order_id
        where p.status = 'captured' and o.paid_at is not null and ${inDays('o.paid_at')} ${here('o')}
        union all
        select pr.tender, 0, 0, pr.amount
        from payment_refunds pr join order_refunds r on r.id = pr.order_refund_id join orders o on o.id = r.order_id
        where pr.status = 'succeeded' and r.status = 'settled' and ${inDays('r.settled_at')} ${here('o')}
      ) x group by tender order by tender`,
  );
  return rows.map((r) => ({ tender: String(r.tender), payments: num(r.payments), taken: num(r.taken), refunded: num(r.refunded), net: num(r.taken) - num(r.refunded) }));
}

/** Lines sold and refunded in the range, grouped by `key` (an SQL expression over l and o), ranked by net then units. */
async function itemsBy(tenantId: string, rule: Rule, range: Range, key: string, by: 'net' | 'quantity') {
  const { inDays, here } = helpers(rule, range);
  const order = by === 'net' ? 'net desc, quantity desc' : 'quantity desc, net desc';
  const rows = await query<Record<string, unknown>>(
    tenantId,
    sql`
      with items as (
        select ${sql.raw(key)} k, l.quantity sold, 0 refunded, l.gross, l.line_discount + l.order_discount discounts, l.service_charge service_charge, 0 refunds, l.tax, 0 refund_tax,
               coalesce(l.unit_cost * l.quantity, 0) cost, case when l.unit_cost is null then 0 else ${lineSalesBeforeTax} end costed_sales,
               case when l.unit_cost is null then l.quantity else 0 end uncosted_items, case when l.unit_cost is null then ${lineSalesBeforeTax} else 0 end uncosted_sales
        from order_lines l join orders o on o.id = l.order_id
        where o.paid_at is not null and ${inDays('o.paid_at')} ${here('o')}
        union all
        select ${sql.raw(key)}, 0, (e->>'quantity')::int, 0, 0, 0, ${refundedSales}, 0, (e->>'tax')::int,
               -coalesce(l.unit_cost * (e->>'quantity')::int, 0), case when l.unit_cost is null then 0 else (e->>'tax')::int - (e->>'amount')::int end,
               0, case when l.unit_cost is null then (e->>'tax')::int - (e->>'amount')::int else 0 end
        from order_refunds r join orders o on o.id = r.order_id cross join jsonb_array_elements(r.lines) e join order_lines l on l.id = (e->>'lineId')::uuid
        where r.status = 'settled' and ${inDays('r.settled_at')} ${here('o')}
      )
      select k, sum(sold)::int sold, sum(refunded)::int "refundedQuantity", sum(sold - refunded)::int quantity, sum(gross)::int gross, sum(discounts)::int discounts,
             sum(service_charge)::int service_charge, sum(refunds)::int refunds, sum(gross - discounts + service_charge - refunds)::int net, (sum(tax) - sum(refund_tax))::int tax,
             sum(cost)::int cost, sum(costed_sales)::int costed_sales, sum(uncosted_items)::int uncosted_items, sum(uncosted_sales)::int uncosted_sales
      from items group by k order by ${sql.raw(order)}, k`,
  );
  return rows.map((r) => ({
    key: String(r.k),
    sold: num(r.sold),
    refundedQuantity: num(r.refundedQuantity),
    quantity: num(r.quantity),
    gross: num(r.gross),
    discounts: num(r.discounts),
    serviceCharge: num(r.service_charge),
    refunds: num(r.refunds),
    net: num(r.net),
    tax: num(r.tax),
    costOfGoods: num(r.cost),
    costedSales: num(r.costed_sales),
    grossProfit: num(r.costed_sales) - num(r.cost),
    uncostedItems: num(r.uncosted_items),
    uncostedSales: num(r.uncosted_sales),
    marginBasisPoints: num(r.costed_sales) === 0 ? null : halfUpSigned((num(r.costed_sales) - num(r.cost)) * 10_000, num(r.costed_sales)),
  }));
}

/** round(a / b) half away from zero. */
const halfUpSigned = (a: number, b: number) => Math.sign(a) * Math.sign(b) * halfUp(Math.abs(a), Math.abs(b));

export const directProducts = (tenantId: string, rule: Rule, range: Range, by: 'net' | 'quantity') => itemsBy(tenantId, rule, range, 'l.variant_id::text', by);
export const directCategories = (tenantId: string, rule: Rule, range: Range, by: 'net' | 'quantity') =>
  itemsBy(tenantId, rule, range, `coalesce(l.category_id::text, '')`, by);

export async function directTaxes(tenantId: string, rule: Rule, range: Range) {
  const { inDays, here } = helpers(rule, range);
  const rows = await query<Record<string, unknown>>(
    tenantId,
    sql`
      with t as (
        select l.tax_rate_basis_points rate, l.net + l.service_charge taxable, l.tax, 0 refunds, 0 refund_tax
        from order_lines l join orders o on o.id = l.order_id where o.paid_at is not null and ${inDays('o.paid_at')} ${here('o')}
        union all
        select l.tax_rate_basis_points, 0, 0, ${refundedSales}, (e->>'tax')::int
        from order_refunds r join orders o on o.id = r.order_id cross join jsonb_array_elements(r.lines) e join order_lines l on l.id = (e->>'lineId')::uuid
        where r.status = 'settled' and ${inDays('r.settled_at')} ${here('o')}
      )
      select rate, sum(taxable)::int taxable, sum(tax)::int tax, sum(refunds)::int refunds, sum(refund_tax)::int refund_tax from t group by rate order by rate`,
  );
  return rows.map((r) => ({
    rateBasisPoints: num(r.rate),
    taxable: num(r.taxable),
    tax: num(r.tax),
    refunds: num(r.refunds),
    refundTax: num(r.refund_tax),
    netTaxable: num(r.taxable) - num(r.refunds),
    netTax: num(r.tax) - num(r.refund_tax),
  }));
}

export async function directStaff(tenantId: string, rule: Rule, range: Range) {
  const { inDays, here } = helpers(rule, range);
  const rows = await query<Record<string, unknown>>(
    tenantId,
    sql`
      with s as (
        select o.created_by staff, 1 orders, (select sum(l.quantity) from order_lines l where l.order_id = o.id) items, o.subtotal gross, o.discount_total discounts,
               o.service_charge_total service_charge, o.tax_total tax, ${tipsOf} tips, 0 refund_count, 0 refunds, 0 voids, 0 void_amount
        from orders o where o.paid_at is not null and ${inDays('o.paid_at')} ${here('o')}
        union all
        select r.created_by, 0, 0, 0, 0, 0, 0, 0, 1, (select sum(${refundedSales}) from jsonb_array_elements(r.lines) e), 0, 0
        from order_refunds r join orders o on o.id = r.order_id where r.status = 'settled' and ${inDays('r.settled_at')} ${here('o')}
        union all
        select coalesce(o.voided_by, o.created_by), 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, o.total
        from orders o where o.status = 'voided' and ${inDays('o.voided_at')} ${here('o')}
      )
      select staff::text, sum(orders)::int orders, sum(items)::int items, sum(gross)::int gross, sum(discounts)::int discounts, sum(service_charge)::int service_charge,
             sum(tax)::int tax, sum(tips)::int tips, sum(refund_count)::int refund_count, sum(refunds)::int refunds, sum(voids)::int voids, sum(void_amount)::int void_amount
      from s group by staff order by sum(gross) - sum(discounts) + sum(service_charge) desc, sum(orders) desc, staff`,
  );
  return rows.map((r) => ({
    staffId: String(r.staff),
    orders: num(r.orders),
    items: num(r.items),
    gross: num(r.gross),
    discounts: num(r.discounts),
    serviceCharge: num(r.service_charge),
    sales: num(r.gross) - num(r.discounts) + num(r.service_charge),
    tax: num(r.tax),
    tips: num(r.tips),
    refundCount: num(r.refund_count),
    refunds: num(r.refunds),
    voids: num(r.voids),
    voidAmount: num(r.void_amount),
  }));
}

export async function directRefundsAndVoids(tenantId: string, rule: Rule, range: Range) {
  const { inDays, here } = helpers(rule, range);
  const refunds = await query<Record<string, unknown>>(
    tenantId,
    sql`select r.id::text, r.reason, r.amount, r.created_by::text refunded_by, r.approved_by::text approved_by
        from order_refunds r join orders o on o.id = r.order_id
        where r.status = 'settled' and ${inDays('r.settled_at')} ${here('o')} order by r.settled_at desc, r.id desc`,
  );
  const voids = await query<Record<string, unknown>>(
    tenantId,
    sql`select o.id::text, o.void_reason reason, o.total amount, coalesce(o.voided_by, o.created_by)::text voided_by, o.void_approved_by::text approved_by
        from orders o where o.status = 'voided' and ${inDays('o.voided_at')} ${here('o')} order by o.voided_at desc, o.id desc`,
  );
  return {
    refunds: refunds.map((r) => ({ refundId: String(r.id), reason: String(r.reason), amount: num(r.amount), refundedBy: String(r.refunded_by), approvedBy: (r.approved_by as string | null) ?? null })),
    voids: voids.map((v) => ({ orderId: String(v.id), reason: String(v.reason), amount: num(v.amount), voidedBy: String(v.voided_by), approvedBy: (v.approved_by as string | null) ?? null })),
  };
}

export async function directDrawers(tenantId: string, rule: Rule, range: Range) {
  const { inDays } = helpers(rule, range);
  const rows = await query<Record<string, unknown>>(
    tenantId,
    sql`select id::text, counted_cash - expected_cash difference from shifts s
        where status = 'closed' and ${inDays('s.closed_at')} ${range.locationId ? sql`and s.location_id = ${range.locationId}::uuid` : sql``}
        order by closed_at desc`,
  );
  return rows.map((r) => ({ shiftId: String(r.id), difference: num(r.difference) }));
}
