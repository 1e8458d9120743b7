import type { AbstractIntlMessages } from 'next-intl';

/**
 * Which messages each part of the app sends to the browser. A page's client components only
 * need the namespaces their own code names, and every message sent is serialised into the page
 * twice (the RSC payload and the HTML that inlines it): the whole English catalogue was two
 * thirds of the register page's 107 KB, the Myanmar one twice that (docs/performance.md).
 *
 * The root layout provides `root`; an area's layout replaces it for everything under it
 * (components/ui/client-messages.tsx), so an area's list is complete on its own.
 * tests/i18n/client-messages.test.ts derives each list from the client components the area's
 * files import, and fails, naming the namespace, when a list lacks one or carries one no longer
 * used. A path with a dot is a part of a namespace (`admin.charts`).
 */
export const CLIENT_NAMESPACES = {
  root: ['common', 'errors', 'pin', 'signin', 'site', 'timeClock'],
  admin: [
    'admin.assistant', 'admin.catalog', 'admin.charts', 'admin.csvImport', 'admin.csvPreview', 'admin.customers', 'admin.errors',
    'admin.figures', 'admin.hours', 'admin.kitchen', 'admin.live', 'admin.menus.delete', 'admin.menus.editor', 'admin.picker',
    'admin.purchaseOrders', 'admin.reports', 'admin.staff', 'admin.stock', 'admin.stockForm', 'admin.stockOps.count',
    'admin.stockPlaces', 'admin.tables', 'admin.titles', 'adminNav', 'apiErrors', 'common', 'developers', 'dialogs', 'floor',
    'language', 'menuHours', 'needsAttention', 'orders', 'payment', 'productEditor', 'purchaseOrderNew', 'register', 'roles',
    'settings', 'shift', 'webhooks',
  ],
  register: [
    'apiErrors', 'common', 'customers', 'dialogs', 'language', 'menuHours', 'offline', 'payment', 'picker', 'pin', 'register', 'roles', 'signin',
    'timeClock', 'toolbar',
  ],
  registerOrders: ['apiErrors', 'common', 'dialogs', 'language', 'needsAttention', 'orders', 'payment', 'pin', 'register', 'roles', 'signin', 'timeClock'],
  registerShift: ['apiErrors', 'common', 'language', 'orders', 'pin', 'roles', 'shift', 'signin', 'timeClock'],
  floor: ['apiErrors', 'common', 'floor', 'language'],
  kitchen: ['common', 'kitchen', 'language'],
} as const satisfies Record<string, readonly string[]>;

export type ClientArea = keyof typeof CLIENT_NAMESPACES;

/** The app directory each area's layout wraps (the rest of app/ is `root`). */
export const AREA_DIRECTORIES: Record<Exclude<ClientArea, 'root'>, string> = {
  admin: 'app/t/[tenant]/admin',
  register: 'app/t/[tenant]/register/(sale)',
  registerOrders: 'app/t/[tenant]/register/orders',
  registerShift: 'app/t/[tenant]/register/shift',
  floor: 'app/t/[tenant]/floor',
  kitchen: 'app/t/[tenant]/kitchen',
};

/** `messages` cut down to `paths` (whole namespaces, or `ns.part`); a path the catalogue lacks is left out. */
export function pickMessages(messages: AbstractIntlMessages, paths: readonly string[]): AbstractIntlMessages {
  const picked: Record<string, unknown> = {};
  for (const path of paths) {
    if (paths.some((other) => path.startsWith(`${other}.`))) continue; // sent whole with its namespace
    const keys = path.split('.');
    const value = keys.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), messages);
    if (value === undefined) continue;
    let into = picked;
    for (const key of keys.slice(0, -1)) into = (into[key] ??= {}) as Record<string, unknown>;
    into[keys.at(-1)!] = value;
  }
  return picked as AbstractIntlMessages;
}
