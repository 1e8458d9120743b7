/**
 * The audit log's vocabulary: every action a row may name, in groups, with the words the audit
 * page shows. A fixed list, so a writer cannot invent a name (`AuditAction` is a union), the
 * filter can refuse an unknown one (400), and docs/security.md can list them all. Names are
 * `<entity>.<what happened>`; a group name (no dot) filters all of its actions. Pure data: the
 * page and client code may import it.
 */
export const AUDIT_GROUPS = {
  sign_in: {
    label: 'Sign-in',
    actions: {
      'auth.signed_in': 'Signed in',
      'auth.sign_in_failed': 'Failed sign-in',
      'auth.locked_out': 'Sign-in refused: too many attempts',
      'auth.pin_switched': 'Switched staff by PIN',
      'auth.pin_switch_failed': 'Failed switch by PIN',
    },
  },
  staff: {
    label: 'Staff',
    actions: {
      'staff.added': 'Added a staff member',
      'staff.updated': 'Changed a staff member',
      'staff.role_changed': 'Changed a role',
      'staff.deactivated': 'Deactivated a staff member',
      'staff.reactivated': 'Reactivated a staff member',
      'staff.pin_set': 'Set a PIN',
      'staff.pin_cleared': 'Removed a PIN',
      'staff.password_changed': 'Changed a password',
      'offline_pins.rotated': 'Voided every register\'s offline PINs',
      'time_clock.corrected': 'Corrected clocked hours',
      'time_clock.added': 'Added clocked hours',
    },
  },
  sales: {
    label: 'Refunds, voids and discounts',
    actions: {
      'order.refunded': 'Refunded',
      'order.refund_failed': 'Refund refused by the card service',
      'order.voided': 'Voided an order',
      'order.fired_lines_voided': 'Took items the kitchen had off a tab',
      'order.discount_over_limit': 'Discount over the limit',
      'offline_sale.rerung': 'Re-rang an offline sale the server refused',
      'offline_sale.written_off': 'Wrote off an offline sale the server refused',
      'order.offline_attributed': 'Offline sale rung up by another cashier',
    },
  },
  shifts: {
    label: 'Cash drawer',
    actions: {
      'shift.opened': 'Opened a shift',
      'shift.cash_out': 'Took cash out over the limit',
      'shift.closed': 'Closed a shift',
    },
  },
  catalog: {
    label: 'Prices and catalog',
    actions: {
      'product.created': 'Added a product',
      'product.price_changed': 'Changed a price or tax class',
      'product.updated': 'Changed a product',
      'product.archived': 'Archived a product',
      'product.deleted': 'Deleted a sample product',
      'products.imported': 'Imported products',
      'tax_class.created': 'Added a tax class',
      'tax_class.updated': 'Changed a tax class',
      'tax_class.deleted': 'Deleted a tax class',
      'category.created': 'Added a category',
      'category.updated': 'Changed a category',
      'category.deleted': 'Deleted a category',
      'modifier_group.created': 'Added a modifier group',
      'modifier_group.updated': 'Changed a modifier group',
      'modifier_group.deleted': 'Deleted a modifier group',
      'discount.created': 'Added a saved discount',
      'discount.updated': 'Changed a saved discount',
      'discount.deleted': 'Deleted a saved discount',
    },
  },
  stock: {
    label: 'Stock',
    actions: {
      'stock.adjusted': 'Adjusted stock',
      'stock.counted': 'Counted stock',
      'stock.threshold_set': 'Changed a low-stock threshold',
      'purchase_list.drafted': 'Drafted a purchase order',
      'purchase_list.ordered': 'Sent a purchase order',
      'purchase_list.deleted': 'Deleted a purchase order',
      'purchase_order.received': 'Received goods of a purchase order',
      'purchase_order.cancelled': 'Cancelled a purchase order',
      'supplier.created': 'Added a supplier',
      'supplier.updated': 'Changed a supplier',
      'supplier.deleted': 'Deleted a supplier',
      'location.created': 'Added a location',
      'location.updated': 'Changed a location',
    },
  },
  customers: {
    label: 'Customers and loyalty',
    actions: {
      'customer.created': 'Added a customer',
      'customer.updated': 'Changed a customer',
      'customer.exported': "Exported a customer's data",
      'customer.erased': "Erased a customer's personal data",
      'loyalty.settings_updated': 'Changed the loyalty scheme',
    },
  },
  settings: {
    label: 'Settings',
    actions: {
      'settings.updated': 'Changed settings',
      'tenant.created': 'Opened the business',
    },
  },
  developers: {
    label: 'API keys',
    actions: {
      'api_key.created': 'Created an API key',
      'api_key.updated': 'Changed an API key',
      'api_key.revoked': 'Revoked an API key',
      'api_key.request': 'Changed something through an API key',
      'api_key.reads': "Read data through an API key (one minute's summary)",
    },
  },
  webhooks: {
    label: 'Webhooks',
    actions: {
      'webhook.created': 'Added a webhook endpoint',
      'webhook.updated': 'Changed a webhook endpoint',
      'webhook.deleted': 'Deleted a webhook endpoint',
      'webhook.secret_rotated': "Rotated a webhook's signing secret",
      'webhook.disabled_failing': 'Webhook endpoint turned off: failing for 24 hours',
      'webhook.redelivered': 'Sent a webhook event again',
    },
  },
  floor: {
    label: 'Tables, menus and kitchen',
    actions: {
      'table.created': 'Added a table',
      'table.updated': 'Changed a table',
      'table.deleted': 'Removed a table',
      'order.moved': 'Moved an order to another table',
      'order.merged': 'Merged two tables',
      'order.cancelled': 'Cancelled an empty tab',
      'menu.created': 'Added a menu',
      'menu.updated': 'Changed a menu',
      'menu.deleted': 'Deleted a menu',
      'item.sold_out': 'Marked an item sold out (86)',
      'item.back_on': 'Put an item back on sale',
      'station.created': 'Added a kitchen station',
      'station.updated': 'Changed a kitchen station',
      'station.deleted': 'Removed a kitchen station',
      'kitchen_route.set': 'Changed which station makes what',
    },
  },
} as const;

export type AuditGroup = keyof typeof AUDIT_GROUPS;
export type AuditAction = { [G in AuditGroup]: keyof (typeof AUDIT_GROUPS)[G]['actions'] }[AuditGroup];

const LABELS: Record<string, string> = Object.assign({}, ...Object.values(AUDIT_GROUPS).map((g) => g.actions));

export const AUDIT_ACTIONS = Object.keys(LABELS) as AuditAction[];

export const isAuditAction = (value: string): value is AuditAction => Object.hasOwn(LABELS, value);
export const isAuditGroup = (value: string): value is AuditGroup => Object.hasOwn(AUDIT_GROUPS, value);

/** The words for an action; a name not in the vocabulary (an old row) is shown as it is. */
export const auditActionLabel = (action: string): string => LABELS[action] ?? action;

/** The actions an `action` filter stands for: itself, or every action of a group. */
export function actionsOf(filter: AuditAction | AuditGroup): AuditAction[] {
  return isAuditGroup(filter) ? (Object.keys(AUDIT_GROUPS[filter].actions) as AuditAction[]) : [filter];
}
