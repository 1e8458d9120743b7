/**
 * Every domain event, by name (past tense) with its payload. Each stored event also carries
 * its tenant id, its own id and the time it occurred (see DomainEvent).
 */
export type EventPayloads = {
  /** A business signed up (inventory creates its first location). */
  TenantCreated: { slug: string; name: string };
  /** A stock level changed: receipt, adjustment, count, transfer or sale. */
  StockChanged: {
    locationId: string;
    variantId: string;
    delta: number;
    quantity: number;
    /** The item's low-stock threshold at this location (null: none), so live views can flag it. */
    threshold?: number | null;
    kind: string;
    referenceId: string | null;
  };
  /** A level fell to or below its low-stock threshold (emitted on the crossing only). */
  LowStock: { locationId: string; variantId: string; quantity: number; threshold: number };
  /** A level reached zero or less (emitted on the crossing only). */
  ProductOutOfStock: { locationId: string; variantId: string; quantity: number };
  /** An item was 86'd (sold out for now) or put back on sale (lib/restaurant). */
  ItemAvailabilityChanged: { productId: string; soldOut: boolean };
  /**
   * An order was checked out: its items left stock. The order's type, table, name, note and each
   * line's snapshot are what the kitchen's tickets are made of (lib/restaurant); they are absent
   * on events written before kitchen tickets existed.
   */
  OrderPlaced: {
    orderId: string;
    number: number;
    locationId: string;
    total: number;
    type?: 'dine_in' | 'takeaway' | 'retail';
    tableId?: string | null;
    customerName?: string | null;
    note?: string | null;
    lines: {
      variantId: string;
      quantity: number;
      lineId?: string;
      productId?: string;
      categoryId?: string | null;
      /** As the receipt names it: "Shan noodles (Dry)". */
      name?: string;
      /** The chosen modifier options by name ("Oat", "Extra spicy"). */
      modifiers?: string[];
      note?: string | null;
      /** Hold & fire: the line's course, and the units the kitchen already had from an earlier OrderLinesFired (a ticket makes only the rest). */
      course?: number;
      firedQuantity?: number;
    }[];
  };
  /**
   * An open tab sent to the kitchen without checking out ("Send", "Fire course n"), or changed
   * after it was: `lines` carry the same snapshot as OrderPlaced's, with the units to make now;
   * a `voided` line is units taken off after firing (the ticket says "VOID 1× …").
   */
  OrderLinesFired: {
    orderId: string;
    number: number;
    locationId: string;
    type: 'dine_in' | 'takeaway' | 'retail';
    tableId: string | null;
    customerName: string | null;
    note: string | null;
    /** The course fired by "Fire course n"; null for a Send or a change. */
    course: number | null;
    lines: {
      variantId: string;
      quantity: number;
      lineId: string;
      productId: string;
      categoryId: string | null;
      name: string;
      modifiers: string[];
      note: string | null;
      course: number;
      voided?: boolean;
    }[];
  };
  /** An unpaid order moved to another table (the old one was freed). */
  OrderMoved: { orderId: string; number: number; fromTableId: string | null; toTableId: string };
  /** An open tab's lines joined another's (`intoOrderId`); the tab is `merged`, neither sold nor voided. */
  OrderMerged: { orderId: string; number: number; intoOrderId: string; intoNumber: number; intoTableId: string | null };
  /** A tender was taken (cash at once, card once the gateway captured it). */
  PaymentCaptured: { orderId: string; paymentId: string; tender: 'cash' | 'card'; amount: number; tip?: number; partId?: string | null };
  /** A card payment was declined or could not be made. */
  PaymentFailed: { orderId: string; paymentId: string; code: string };
  /** The order is fully paid. `customerId`: the customer attached at the register (their points are earned on it; lib/customers). */
  OrderPaid: { orderId: string; number: number; total: number; customerId?: string | null };
  /** An unpaid order was voided; its stock was released (and a customer's redeemed points go back). */
  OrderVoided: { orderId: string; number: number; reason: string; customerId?: string | null };
  /**
   * Money went back to the customer for some or all lines. `fullyRefunded`: nothing of the order is
   * left (its redeemed points go back); `customerId`: the customer attached at the register.
   */
  OrderRefunded: { orderId: string; refundId: string; amount: number; restocked: boolean; customerId?: string | null; fullyRefunded?: boolean };
  /**
   * The report figures of a business date changed (lib/analytics counted a sale, refund or void):
   * a live dashboard showing that date refetches. Sent after the rollups committed, unlike the
   * order events, which arrive before analytics has counted them.
   */
  SalesFiguresChanged: { kind: 'sale' | 'refund' | 'void'; businessDate: string; locationId: string };
  /**
   * A kitchen station's tickets changed (fired, bumped, recalled, voided — lib/restaurant): its
   * kitchen displays refetch. Sent in the transaction that changed them.
   */
  KitchenTicketsChanged: { stationId: string };
  /** Someone asked for an order's receipt by email (lib/orders): the message waits in `receipt_emails`, sent by the outbox handler. */
  ReceiptEmailRequested: { emailId: string; orderId: string };
  /** A table was seated (occupied, with its covers), cleared, or left to be cleaned (lib/restaurant); sent only when its status or covers changed. */
  TableStatusChanged: { tableId: string; status: 'free' | 'occupied' | 'needs_cleaning'; covers: number };
  /** A register's shift opened with its starting float (lib/orders). */
  ShiftOpened: { shiftId: string; registerName: string; locationId: string; openingFloat: number };
  /** A shift closed with its cash counted (lib/orders): the Z report's drawer figures. */
  ShiftClosed: { shiftId: string; registerName: string; locationId: string; countedCash: number; expectedCash: number; difference: number | null };
};

export type EventType = keyof EventPayloads;

export type DomainEvent<T extends EventType = EventType> = {
  [K in T]: { id: string; tenantId: string; type: K; occurredAt: Date; payload: EventPayloads[K] };
}[T];
