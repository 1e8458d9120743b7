import type { PricedLine, RegisterData, RegisterMenu, RegisterModifierGroup, RegisterProduct, RegisterStockLevel, RegisterTable } from '@/lib/orders';

/**
 * The register's client-side view of the API: what the route handlers answer, as JSON (dates
 * are strings). Money is always integer minor units of the tenant's currency.
 */
export type { RegisterData, RegisterMenu, RegisterModifierGroup, RegisterProduct, RegisterStockLevel, RegisterTable };

export type OrderType = 'dine_in' | 'takeaway' | 'retail';
/** A discount typed in (with why), as the cart keeps it and the server takes it. */
export type TypedDiscount = { kind: 'percent'; basisPoints: number; reason?: string | null } | { kind: 'amount'; amount: number; reason?: string | null };
/** A saved discount chosen by id; its name and value are only for showing (the server reads its own). */
export type SavedDiscountChoice = { kind: 'saved'; discountId: string; name: string; value: TypedDiscount };
export type Discount = TypedDiscount | SavedDiscountChoice;
/** A discount as an order answers it: its value, why, and the saved discount it came from. */
export type DiscountRecord = TypedDiscount & { approvedBy?: string | null; savedDiscountId?: string | null };
/** A manager's approval as requests carry it: the token POST /api/v1/approvals gave for their PIN. */
export type Approval = { token: string };
export type { ApprovablePermission } from '@/lib/auth';
export type LineModifier = { groupId: string; groupName: string; optionId: string; optionName: string; priceDelta: number };

/** What POST /api/v1/orders/quote answers: the server's prices for the cart, each line priced as lib/orders/arithmetic.ts prices it (the register's offline quote too). */
export type QuoteLine = {
  variantId: string;
  productName: string;
  variantName: string;
  unitPrice: number;
  modifiers: LineModifier[];
  modifiersTotal: number;
  quantity: number;
} & PricedLine;
/** The server's totals of an order or a quote. */
export type OrderTotals = {
  subtotal: number;
  discountTotal: number;
  /** Rate (basis points) and amount of the service charge: dine-in only, 0 otherwise. */
  serviceChargeBasisPoints: number;
  serviceChargeTotal: number;
  taxTotal: number;
  total: number;
};
export type Quote = OrderTotals & { lines: QuoteLine[] };

export type OrderStatus = 'open' | 'placed' | 'partially_paid' | 'paid' | 'completed' | 'voided' | 'partially_refunded' | 'refunded' | 'merged' | 'cancelled';

export type OrderLine = QuoteLine & {
  id: string;
  productId: string;
  sku: string;
  note: string | null;
  discount: DiscountRecord | null;
  course: number;
  held: boolean;
  firedQuantity: number;
  seat: number | null;
};

export type Payment = {
  id: string;
  tender: 'cash' | 'card';
  amount: number;
  status: 'pending' | 'captured' | 'failed';
  cashTendered: number | null;
  changeGiven: number | null;
  failureCode: string | null;
  failureMessage: string | null;
  tip: number;
  partId: string | null;
};

/** A part of a split bill, as the order carries it. */
export type SplitPart = {
  id: string;
  kind: 'item' | 'seat' | 'equal';
  position: number;
  label: string;
  seat: number | null;
  amount: number;
  paidTotal: number;
  balanceDue: number;
  items: { lineId: string; quantity: number; amount: number; sharedBy?: number }[];
  paymentIds: string[];
};

/** An order as GET /api/v1/orders/{id} answers it. */
export type Order = OrderTotals & {
  id: string;
  number: number;
  status: OrderStatus;
  type: OrderType;
  tableId: string | null;
  covers: number | null;
  customerName: string | null;
  /** The customer profile attached at the register (null: none). */
  customerId: string | null;
  shiftId: string | null;
  locationId: string;
  currency: string;
  orderDiscount: DiscountRecord | null;
  paidTotal: number;
  createdAt: string;
  lines: OrderLine[];
  payments: Payment[];
  balanceDue: number;
  changeGiven: number;
  tipTotal: number;
  parts: SplitPart[];
};

/** A row of GET /api/v1/orders (no lines). */
export type OrderSummary = Pick<Order, 'id' | 'number' | 'status' | 'type' | 'tableId' | 'covers' | 'customerName' | 'total' | 'createdAt'>;

export type Shift = { id: string; registerName: string; locationId: string; status: 'open' | 'closed'; openedAt: string; openingFloat: number };

/** One tender as the payments route takes it; `tip` on top of the amount, `partId` the split part it pays. */
export type Tender = ({ tender: 'cash'; amount: number; tendered: number } | { tender: 'card'; amount: number; source: string }) & { tip?: number; partId?: string | null };

/** Who is selling, as the server page knows it. */
export type RegisterUser = { userId: string; name: string; canVoid: boolean; canOverrideDiscounts: boolean; canEditCatalog: boolean };
