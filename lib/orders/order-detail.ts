import type { TenantScope } from '@/lib/auth';
import { listApprovers, listStaff } from '@/lib/auth';
import { variantLabel } from '@/lib/catalog';
import { AppError } from '@/lib/platform/errors';
import { idParam } from '@/lib/platform/validation';
import { listTables } from '@/lib/restaurant';
import { getOrder, listOrders, type OrderView } from './orders';
import { refundAmount } from './refunds';

/**
 * What the order screens (register and admin) show of one order. Everything returned is
 * plain data a client component may receive.
 */
export type OrderSummary = Awaited<ReturnType<typeof listOrders>>['data'][number];

/** A line that can still be refunded, with what each quantity would give back (refundAmount, on the server). */
export type RefundableLine = { id: string; label: string; quantity: number; refundedQuantity: number; pending: number; left: number; amounts: number[] };
export type Approver = { id: string; name: string; role: string };

export type OrderDetailData = {
  order: OrderView;
  staffNames: Record<string, string>;
  tableName: string | null;
  refundable: RefundableLine[];
  /** What each tender can still give back (captured − refunded), for choosing where a refund goes. */
  refundableByTender: { tender: 'cash' | 'card'; amount: number }[];
  approvers: Approver[];
};

export async function staffNames({ tenantId }: TenantScope): Promise<Record<string, string>> {
  return Object.fromEntries((await listStaff({ tenantId })).map((s) => [s.id, s.name]));
}

/** The order with what its detail panel needs, or null when the id names no order of this business. */
export async function loadOrderDetail({ tenantId }: TenantScope, orderId: string | undefined, names?: Record<string, string>): Promise<OrderDetailData | null> {
  const id = idParam.safeParse(orderId);
  if (!id.success) return null;
  let order: OrderView;
  try {
    order = await getOrder({ tenantId }, id.data);
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') return null;
    throw err;
  }
  const [staff, approvers, tables] = await Promise.all([
    names ?? staffNames({ tenantId }),
    listApprovers({ tenantId }),
    order.tableId ? listTables({ tenantId }) : Promise.resolve([]),
  ]);
  // Units a refund still waiting for the card service holds are not refundable again (as on the server).
  const reserved = new Map<string, number>();
  for (const l of order.refundDocuments.filter((d) => d.status === 'pending').flatMap((d) => d.lines)) reserved.set(l.lineId, (reserved.get(l.lineId) ?? 0) + l.quantity);
  return {
    order,
    staffNames: staff,
    tableName: tables.find((t) => t.id === order.tableId)?.name ?? null,
    refundable: order.lines
      .map((l) => ({ line: l, taken: l.refundedQuantity + (reserved.get(l.id) ?? 0) }))
      .filter(({ line, taken }) => line.quantity > taken)
      .map(({ line, taken }) => {
        const left = line.quantity - taken;
        return {
          id: line.id,
          label: variantLabel(line),
          quantity: line.quantity,
          refundedQuantity: line.refundedQuantity,
          pending: taken - line.refundedQuantity,
          left,
          amounts: Array.from({ length: left }, (_, i) => refundAmount({ ...line, refundedQuantity: taken }, i + 1)),
        };
      }),
    refundableByTender: (['cash', 'card'] as const)
      .map((tender) => ({ tender, amount: order.payments.filter((p) => p.tender === tender && p.status === 'captured').reduce((sum, p) => sum + p.amount - p.refundedAmount, 0) }))
      .filter((t) => t.amount > 0),
    approvers,
  };
}
