import { createElement, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderStrict } from './render-strict';

// The screens below read the router (refresh, the current path) only in effects and links.
vi.mock('next/navigation', () => ({
  useRouter: () => ({ refresh() {}, replace() {}, push() {} }),
  usePathname: () => '/admin/catalog/taxes',
  useSearchParams: () => new URLSearchParams(),
}));

import { AssistantChat } from '@/components/admin/assistant/assistant-chat';
import { ConversationList } from '@/components/admin/assistant/conversation-list';
import { AuditFilters } from '@/components/admin/audit/audit-filters';
import { AuditTable } from '@/components/admin/audit/audit-table';
import { CatalogTabs } from '@/components/admin/catalog/catalog-tabs';
import { choiceRule, type ModifierWordsT } from '@/components/admin/catalog/format';
import { CategoryAddForm, CategoryRow } from '@/components/admin/catalog/category-forms';
import { ConfirmDelete } from '@/components/admin/catalog/confirm-delete';
import { ModifierGroupForm, ModifierGroupItem, NEW_GROUP } from '@/components/admin/catalog/modifier-group-form';
import { DiscountAddForm, DiscountRow } from '@/components/admin/catalog/discount-forms';
import { DefaultTaxClassForm, PricesIncludeTaxSwitch, TaxClassAddForm, TaxClassRow } from '@/components/admin/catalog/tax-forms';
import { CustomerForm } from '@/components/admin/customers/customer-form';
import { EraseCustomerForm } from '@/components/admin/customers/erase-form';
import { LoyaltyForm } from '@/components/admin/customers/loyalty-form';
import { availabilitySummary, type MenuHoursT } from '@/components/admin/menus/availability';
import { DeleteMenuButton } from '@/components/admin/menus/delete-menu-button';
import { MenuEditor } from '@/components/admin/menus/menu-editor';
import { OrderTimeline } from '@/components/admin/orders/order-timeline';
import { OrdersTable } from '@/components/admin/orders/orders-table';
import { SettingsForm } from '@/components/admin/settings-form';
import { StaffAddForm } from '@/components/admin/staff-add-form';
import { StaffRowEditor } from '@/components/admin/staff-row-editor';
import { ReceiveListForm } from '@/components/admin/stock/purchase-list-forms';
import { StockCountForm } from '@/components/admin/stock/stock-count-form';
import { AddHoursForm, CorrectEntryForm } from '@/components/admin/time-clock-forms';
import { CategoryRoutes } from '@/components/kitchen/admin/category-routes';
import { StationList } from '@/components/kitchen/admin/station-list';
import { KitchenDisplay } from '@/components/kitchen/kitchen-display';
import { ticketHtml } from '@/components/kitchen/ticket-print';
import { ticketAge, ticketDestination, type KitchenT, type TicketView } from '@/components/kitchen/ticket-view';
import { FloorPlanEditor } from '@/components/restaurant/floor-plan-editor';
import { FloorView, type FloorTable } from '@/components/restaurant/floor-view';
import { TabActions } from '@/components/restaurant/tab-actions';
import { TableAddForm } from '@/components/restaurant/table-add-form';
import { TableRowEditor } from '@/components/restaurant/table-row-editor';
import { FindStoreForm } from '@/components/site/find-store-form';
import { SignUpForm } from '@/components/site/sign-up-form';
import type { AuditEventView, StaffMember } from '@/lib/auth';
import { SUGGESTIONS } from '@/lib/assistant';
import { AUDIT_ACTIONS } from '@/lib/platform/audit-actions';
import type { FoundOrder, OrderEvent } from '@/lib/orders';
import { formatsFor } from '@/lib/platform/formats';
import { translatorFor } from '@/lib/platform/i18n';
import type { Locale } from '@/lib/platform/locale';
import type { TenantSettings } from '@/lib/tenancy';

/**
 * The screens issue 15 converted last — the kitchen display and its ticket, the floor, and the
 * admin's orders, staff and hours, customers, catalog reference pages, kitchen set-up, settings,
 * tables, and sign-up — rendered as the server renders them in Myanmar with next-intl throwing on
 * any missing key or bad argument, and in English with the words the end-to-end specs click.
 */
const noAction = async () => null;
const now = Date.parse('2026-03-04T05:00:00.000Z');

const ticket: TicketView = {
  id: '00000000-0000-4000-8000-000000000001',
  orderNumber: 42,
  orderType: 'dine_in',
  tableName: 'P3',
  customerName: null,
  orderNote: 'Birthday',
  lines: [
    { lineId: 'l1', name: 'Mohinga', quantity: 2, modifiers: ['Extra egg'], note: 'No coriander', course: 1 },
    { lineId: 'l2', name: 'Tea leaf salad', quantity: 1, modifiers: [], note: null, course: 2 },
  ],
  firedAt: new Date(now - 12 * 60_000).toISOString(),
  recalledAt: new Date(now - 60_000).toISOString(),
  voidedAt: null,
};

const tables: FloorTable[] = [
  { id: 't1', name: 'P1', seats: 4, area: 'Patio', status: 'occupied', covers: 3, gridX: 0, gridY: 0, shape: 'square' },
  { id: 't2', name: 'P2', seats: 2, area: 'Patio', status: 'free', covers: 0, gridX: 2, gridY: 0, shape: 'round' },
  { id: 't3', name: 'Bar 1', seats: 1, area: 'Bar', status: 'needs_cleaning', covers: 0, gridX: null, gridY: null, shape: 'square' },
];
const tab = { orderId: 'o1', tableId: 't1', number: 7, total: 12500, items: 0, openedAt: new Date(now - 75 * 60_000).toISOString() };

const member = { id: 'u2', name: 'Ma Hla', email: 'hla@example.com', role: 'cashier', active: true, hasPin: true, lastSignInAt: null } as unknown as StaffMember;

const settings = {
  locale: 'my',
  currencyDisplay: 'local',
  address: null,
  phone: null,
  taxId: null,
  receiptFooter: null,
  receiptLinkDays: 90,
  discountLimitBasisPoints: 1000,
  cashOutLimit: 0,
  drawerTolerance: null,
  minPinLength: 4,
  pinSwitchToOwner: false,
  idleLockMinutes: 5,
  tipsEnabled: true,
  tipPresets: [1000, 1500],
  tipCustomAmount: true,
  serviceChargeBasisPoints: 0,
  dayStartsAt: '00:00',
  offlineMaxHours: 24,
  offlineMaxTotal: null,
} as unknown as TenantSettings;

const found = [
  { id: 'o1', number: 12, type: 'dine_in', customerName: null, createdAt: new Date(now), createdBy: 'u2', tableId: 't1', status: 'paid', tenders: ['cash', 'card'], total: 250000, currency: 'MMK' },
] as unknown as FoundOrder[];
const events = [
  { id: 'e1', type: 'OrderPlaced', occurredAt: new Date(now), payload: { number: 12, total: 250000 } },
  { id: 'e2', type: 'PaymentCaptured', occurredAt: new Date(now), payload: { tender: 'cash', amount: 250000 } },
  { id: 'e3', type: 'OrderRefunded', occurredAt: new Date(now), payload: { amount: 5000, restocked: true } },
] as unknown as OrderEvent[];

const auditRows = [
  { id: 'a1', at: new Date(now).toISOString(), action: 'order.refunded', label: 'Refunded', entityType: 'order', entityId: 'o1', before: null, after: null, details: {}, ip: null, userAgent: null, actor: { id: 'u2', name: 'Ma Hla' }, approver: null },
  {
    id: 'a3',
    at: new Date(now).toISOString(),
    action: 'product.updated',
    label: 'Product changed',
    entityType: 'product',
    entityId: 'p1',
    before: { trackStock: false, prices: { 'NDL-1': 2000 }, status: 'active' },
    after: { trackStock: true, prices: { 'NDL-1': 2500 }, status: 'archived' },
    details: { name: 'Mohinga', note: 'Price board' },
    ip: '203.0.113.7',
    userAgent: 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
    actor: { id: 'u2', name: 'Ma Hla' },
    approver: null,
  },
  { id: 'a4', at: new Date(now).toISOString(), action: 'shift.closed', label: 'Shift closed', entityType: 'shift', entityId: 's1', before: null, after: null, details: { registerName: 'Front', countedCash: 11350, expectedCash: 11400, difference: -50 }, ip: null, userAgent: null, actor: { id: 'u2', name: 'Ma Hla' }, approver: null },
  { id: 'a2', at: new Date(now).toISOString(), action: 'legacy.thing', label: 'legacy.thing', entityType: 'tenant', entityId: null, before: null, after: null, details: {}, ip: null, userAgent: null, actor: null, approver: null },
] as unknown as AuditEventView[];

const chat = [
  { id: 'm1', role: 'user', parts: [{ type: 'text', text: 'How did we do?' }] },
  {
    id: 'm2',
    role: 'assistant',
    parts: [
      { type: 'tool-salesSummary', toolCallId: 'c1', state: 'output-available', input: { from: '2026-03-04', to: '2026-03-04' }, output: { net: 250000, orders: 12, averageTicket: 20833, refunds: 0, link: '/admin/reports/sales-summary' } },
      { type: 'tool-setItemSoldOut', toolCallId: 'c2', state: 'approval-requested', input: { item: 'Mohinga', soldOut: true }, approval: { id: 'a1' } },
      { type: 'tool-setLowStockThreshold', toolCallId: 'c3', state: 'output-available', input: { item: 'Tea', threshold: 5 }, output: { changed: false } },
    ],
  },
] as never[];

function screens(locale: Locale): ReactNode[] {
  const f = formatsFor(locale, 'local');
  const el = createElement;
  return [
    el(KitchenDisplay, {
      key: 'kds',
      stations: [{ id: 's1', name: 'Kitchen', open: 1 }],
      station: { id: 's1', name: 'Kitchen', open: 1 },
      chosen: true,
      tickets: [ticket],
      canRecall: true,
      serverNow: now,
      businessName: 'Golden Cup',
      timeZone: 'Asia/Yangon',
      bumpAction: noAction,
      recallAction: noAction,
    }),
    el(KitchenDisplay, { key: 'kds-empty', stations: [{ id: 's1', name: 'Kitchen', open: 0 }], station: { id: 's1', name: 'Kitchen', open: 0 }, chosen: true, tickets: [], canRecall: false, serverNow: now, businessName: 'Golden Cup', timeZone: 'Asia/Yangon', bumpAction: noAction, recallAction: noAction }),
    el(FloorView, { key: 'floor', tables, canOperate: true, setTableStatusAction: noAction, tabs: [tab], currency: 'MMK', now, canOrder: true }),
    el(TabActions, { key: 'tab', table: tables[0]!, tab, tables, tabs: [tab, { ...tab, orderId: 'o2', tableId: 't2', number: 8 }], covers: 2, currency: 'MMK', onDone: () => {} }),
    el(TabActions, { key: 'tab-new', table: tables[1]!, tab: null, tables, tabs: [], covers: 2, currency: 'MMK', onDone: () => {} }),
    el(TableAddForm, { key: 'table-add', areas: ['Patio'], addTableAction: noAction }),
    el(TableRowEditor, { key: 'table-row', table: { ...tables[0]!, position: 0 }, updateTableLayoutAction: noAction, deleteTableAction: noAction }),
    el(FloorPlanEditor, { key: 'plan', tables: tables.map(({ id, name, seats, area, gridX, gridY, shape }) => ({ id, name, seats, area, gridX: gridX ?? null, gridY: gridY ?? null, shape: shape ?? 'square' })), saveFloorPlanAction: noAction }),
    el(OrdersTable, { key: 'orders', orders: found, timeZone: 'Asia/Yangon', staffNames: { u2: 'Ma Hla' }, tableNames: { t1: 'P1' }, caption: 'orders', formats: f }),
    el(OrderTimeline, { key: 'timeline', events, currency: 'MMK', timeZone: 'Asia/Yangon', formats: f }),
    el(StaffAddForm, { key: 'staff-add', canManageOwners: true, minPinLength: 4, addStaffAction: noAction }),
    el(StaffRowEditor, { key: 'staff-row', member, canManageOwners: true, isSelf: false, minPinLength: 6, updateStaffAction: noAction }),
    el(CorrectEntryForm, { key: 'correct', entry: { id: 'x', name: 'Ma Hla', clockedInAt: '2026-03-04T09:00', clockedOutAt: null }, action: noAction }),
    el(AddHoursForm, { key: 'hours', staff: [{ id: 'u2', name: 'Ma Hla' }], action: noAction }),
    el(CustomerForm, { key: 'customer', action: noAction, submitLabel: 'x' }),
    el(EraseCustomerForm, { key: 'erase', action: noAction, customerId: 'c1' }),
    el(LoyaltyForm, { key: 'loyalty', action: noAction, initial: { earnPoints: 1, earnPerAmount: '1000', rewardPoints: 100, rewardValue: '5000', currency: 'MMK' } }),
    el(CatalogTabs, { key: 'tabs' }),
    el(CategoryAddForm, { key: 'cat-add', nextPosition: 3, storeDefault: false, addCategoryAction: noAction }),
    el(CategoryRow, { key: 'cat-row', category: { id: 'c1', name: 'Noodles', position: 1, color: '#1f9d5c', tracksStock: null, productCount: 4 }, storeDefault: true, canWrite: true, updateCategoryAction: noAction, deleteCategoryAction: noAction }),
    el(ConfirmDelete, { key: 'confirm', action: noAction, id: 'c1', name: 'Noodles', consequence: '' }),
    el(TaxClassAddForm, { key: 'tax-add', addTaxClassAction: noAction }),
    el(DiscountAddForm, { key: 'disc-add', currency: 'MMK', addDiscountAction: noAction }),
    el(DiscountRow, { key: 'disc-row', discount: { id: 'd1', name: 'Staff meal', kind: 'amount', basisPoints: null, amount: 500, appliesTo: 'line', needsApproval: true }, currency: 'MMK', canWrite: true, updateDiscountAction: noAction, deleteDiscountAction: noAction }),
    el(TaxClassRow, { key: 'tax-row', tax: { id: 'x1', name: 'Commercial tax', rateBasisPoints: 500 }, canWrite: true, updateTaxClassAction: noAction, deleteTaxClassAction: noAction }),
    el(PricesIncludeTaxSwitch, { key: 'tax-switch', value: true, setPricesIncludeTaxAction: noAction }),
    el(DefaultTaxClassForm, { key: 'tax-default', taxes: [{ id: 'x1', name: 'Commercial tax', rateBasisPoints: 500 }], value: null, setDefaultTaxClassAction: noAction }),
    el(StationList, { key: 'stations', stations: [{ id: 's1', name: 'Kitchen', isDefault: true, open: 2 }, { id: 's2', name: 'Bar', isDefault: false, open: 1 }], addStationAction: noAction, updateStationAction: noAction, deleteStationAction: noAction }),
    el(CategoryRoutes, { key: 'routes', categories: [{ id: 'c1', name: 'Drinks', station: 'inherit' }], stations: [{ id: 's1', name: 'Kitchen', isDefault: true }], saveCategoryRoutesAction: noAction }),
    el(SettingsForm, { key: 'settings', settings, currency: 'MMK', defaultDrawerTolerance: 500000, canWrite: false, saveSettingsAction: noAction }),
    el(SignUpForm, { key: 'signup', signUpAction: noAction }),
    el(FindStoreForm, { key: 'find' }),
    el(StockCountForm, { key: 'count', location: { id: 'l1', name: 'Main store' }, stockedHere: [{ variantId: 'v1', productName: 'Mohinga', variantName: 'Default', sku: 'NDL-1', barcodes: [], trackStock: true, quantity: null }], countStockAction: noAction, searchStockItemsAction: async () => ({ items: [] }) }),
    el(AssistantChat, { key: 'assistant', conversationId: '00000000-0000-4000-8000-00000000000a', initialMessages: chat, actionTools: ['setItemSoldOut', 'setLowStockThreshold'], currency: 'MMK', suggestions: [] }),
    el(AssistantChat, { key: 'assistant-empty', conversationId: '00000000-0000-4000-8000-00000000000b', initialMessages: [], actionTools: [], currency: 'MMK', suggestions: SUGGESTIONS.map((q) => translatorFor(locale, 'admin')(`assistant.suggestions.${q}`)) }),
    el(ConversationList, { key: 'chats', chats: [{ id: 'ch1', title: 'Sales', updatedAt: new Date(now).toISOString() }], current: 'ch1', timeZone: 'Asia/Yangon', rename: noAction, remove: noAction }),
    el(ConversationList, { key: 'chats-empty', chats: [], current: null, timeZone: 'Asia/Yangon', rename: noAction, remove: noAction }),
    el(AuditFilters, { key: 'audit-filters', values: {}, staff: [{ id: 'u2', name: 'Ma Hla', active: true }], today: '2026-03-04' }),
    el(AuditTable, { key: 'audit-table', rows: auditRows, people: { u2: 'Ma Hla' }, timeZone: 'Asia/Yangon', currency: 'MMK', formats: f }),
    el(ModifierGroupForm, { key: 'mod-new', initial: NEW_GROUP, currency: 'MMK', saveModifierGroupAction: noAction }),
    el(ModifierGroupItem, {
      key: 'mod-item',
      group: { id: 'g1', name: 'Size', rule: 'Required · choose 1', options: [{ id: 'o1', name: 'Large', delta: '+500 Ks' }], draft: NEW_GROUP },
      currency: 'MMK',
      canWrite: true,
      saveModifierGroupAction: noAction,
      deleteModifierGroupAction: noAction,
    }),
    el(MenuEditor, {
      key: 'menu',
      menu: {
        id: 'm1',
        name: 'Breakfast',
        description: null,
        isActive: true,
        availability: [{ days: [1, 2, 3, 4, 5], start: '07:00', end: '11:00' }, { days: [6, 7], start: '18:00', end: '02:00' }],
        sections: [{ id: 's1', name: '', products: [{ id: 'p1', name: 'Mohinga' }] }],
        version: 'v1',
      },
      saveMenuAction: noAction,
      searchMenuProductsAction: async () => ({ items: [] }),
    }),
    el(DeleteMenuButton, { key: 'menu-delete', id: 'm1', name: 'Breakfast', deleteMenuAction: noAction }),
    el(ReceiveListForm, { key: 'po-receive', action: noAction, id: 'po1', lines: [{ variantId: 'v1', label: 'Mohinga', open: 10 }] }),
  ];
}

describe('the rest of the interface in Myanmar', () => {
  it('renders the kitchen, floor and the admin screens with every key found, in Burmese, numbers in Myanmar digits', () => {
    const html = renderStrict('my', screens('my'));
    const missing = [
      'နောက်ဆုံးတစ်ခု ပြန်ခေါ်ရန်', // "Recall last"
      'အော်ဒါစာရွက် ၁ စောင်', // "1 ticket"
      '၁၂ မိနစ်', // "12 min", the ticket's age
      'အစီအစဉ် ၂', // "Course 2"
      'မှတ်ချက်- No coriander', // "Note: …"
      'အားလုံး ပြီးပါပြီ။', // "All caught up."
      'ဧည့်သည် ၃ ဦး', // "3 guests"
      '၁ နာရီ ၁၅ မိနစ်', // the tab's age
      'အော်ဒါ #7 ဖွင့်ရန်', // "Open order #7"
      'လွတ်သော စားပွဲသို့ ရွှေ့ရန်', // "Move to a free table"
      'စားပွဲ ထည့်ရန်', // "Add table"
      'စားပွဲ နေရာချပုံ ပြင်ဆင်ရန်', // "Floor plan editor"
      'ငွေကိုင် — ကောင်တာသာ', // "Cashier — register only"
      'ဂဏန်း ၆ လုံး', // "6 digits"
      'ငွေသား + ကတ်', // tenders
      '၂,၅၀၀ ကျပ်', // money in the reader's formats
      'မှာယူပြီး', // "Placed"
      'အလုပ်ဝင်ချိန်', // "Clocked in"
      'အတည်ပြုရန် ERASE ဟု ရိုက်ထည့်ပါ', // "Type ERASE to confirm"
      'အမှတ်စနစ် သိမ်းရန်', // "Save loyalty scheme"
      'ရွေးချယ်စရာ အုပ်စုများ', // "Modifier groups"
      'ပစ္စည်း ၄ ခု', // "4 products"
      'စျေးနှုန်းတွင် အခွန် ပါဝင်သည်', // "Prices include tax"
      'မူလ စခန်း', // "Default station"
      'မျက်နှာပြင်ပေါ်တွင် အော်ဒါစာရွက် ၂ စောင်', // "2 tickets on its screen"
      'ဤဆက်တင်များကို ပိုင်ရှင်သာ ပြောင်းနိုင်ပါသည်။', // "Only an owner can change these settings."
      'လုပ်ငန်း ဖန်တီးရန်', // "Create business"
      '၅၀၀ ကျပ် လျှော့ · ပစ္စည်းများသာ · အကြိမ်တိုင်း မန်နေဂျာ လိုသည်', // a saved discount's summary
      'ရေတွက်ထားသော ပစ္စည်းများ', // "Counted items"
      'ဤနေရာတွင် ထားသော ပစ္စည်း ၁ မျိုးလုံး ထည့်ရန်', // "Add all 1 item stocked here"
      'ကွာခြားချက်များ စစ်ဆေးရန်', // "Review differences"
      'Mohinga ရောက်ရှိမှု (၁၀ အနက်)', // "Mohinga arrived (of 10)"
      'အချိန်ကာလ ၂', // "Window 2"
      'ငွေပြန်အမ်းခဲ့သည်', // the audit row's "Refunded"
      'အရောင်း အနှစ်ချုပ်', // the tool card's "Sales summary"
      'ပျမ်းမျှ အော်ဒါတန်ဖိုး', // "Average ticket"
      'ပြောင်းလဲမှု- “Mohinga” ကို ကုန်သွားပြီဟု မှတ်ရန် (86)', // the proposed change
      'သင် အတည်မပြုမချင်း ဘာမှ မပြောင်းပါ။', // "Nothing changes until you approve."
      'ထိုအတိုင်း ရှိပြီးသား — ပြောင်းစရာ မရှိပါ။', // "Already so — nothing to change."
      'aria-label="သင် မေးခဲ့သည်"', // "You asked"
      'placeholder="ယနေ့ ဝင်ငွေ ဘယ်လောက်လဲ။"', // the question's placeholder
      'သင်၏ စကားဝိုင်းများကို ဤနေရာတွင် သိမ်းထားပါမည်။', // "Your chats are kept here."
      'စကားဝိုင်း အသစ်', // "New chat"
      'ဘာပစ္စည်းတွေ လက်ကျန်နည်းနေလဲ', // the suggested "What is running low on stock?"
      'ဝယ်ရန်စာရင်း ရေးဆွဲပါ', // "Draft a purchase list from low stock"
      'aria-label="“Sales” ကို အမည်ပြောင်းရန်"', // "Rename “Sales”"
      'legacy.thing', // an action code the vocabulary does not know, as stored
      'ကုန်လက်ကျန် မှတ်သည်<!-- -->: </span><span>မဟုတ်</span>', // the change column: "Tracks stock: No → Yes"
      'စျေးနှုန်း NDL-1<!-- -->: </span><span>၂,၀၀၀ ကျပ်</span>', // "Price NDL-1: 2,000 Ks"
      '<span class="font-medium">သိမ်းဆည်းထား</span>', // "Archived"
      '<dt>မှတ်ချက်<!-- -->:</dt>', // the details' "Note"
      'Android ပေါ်ရှိ Chrome', // "Chrome on Android"
      'Front ၏ အလှည့်', // "Shift on Front"
      '<dt>ပို/လို<!-- -->:</dt><dd class="break-words">-၅၀ ကျပ်</dd>', // "Over/short"

      'label="ကုန်လက်ကျန်"', // the "Stock" group of the action filter
      'ဘယ်စခန်းက ဘာချက်မလဲ ပြောင်းခဲ့သည်', // "Changed which station makes what"
      'မဖြစ်မနေ မဟုတ် · အများဆုံး ၁ ခု။', // "Optional · at most 1.", the new group's rule
      'ရွေးချယ်စရာ ၂', // "Option 2"
      'ဈေးနှုန်း ပြောင်းလဲမှု (MMK)', // "Price change (MMK)"
      'ရွေးချယ်စရာ အုပ်စု ထည့်ရန်', // "Add modifier group"
      'Size ၏ ရွေးချယ်စရာများ', // "Options of Size"
      'aria-label="တနင်္လာနေ့"', // the day checkbox's name
      'သန်းခေါင်ကို ကျော်ပါသည်- 18:00 မှ နောက်နေ့ မနက် 02:00 အထိ။', // "Runs past midnight…"
      'အပိုင်း ၁ အမည်', // "Section 1 name"
      'အပိုင်း ၁ သို့ ပစ္စည်း ထည့်ရန်', // "Add a product to Section 1"
      'မီနူး သိမ်းရန်', // "Save menu"
      'ဤမီနူးကို ဖျက်ရန်', // "Delete this menu"
    ].filter((burmese) => !html.includes(burmese));
    expect(missing).toEqual([]);
    for (const english of ['Recall last', 'All caught up', 'guests', 'Move to a free table', 'Add table', 'Save the floor plan', 'Placed', 'Clocked in', 'Save loyalty scheme', 'Modifier groups', 'Prices include tax', 'Default station', 'Create business', 'Save settings', 'Business day', 'Counted items', 'Review differences', 'stocked here', 'arrived (of', 'Receiving…', 'Add a time window', 'Runs past midnight', 'Save menu', 'Delete this menu', 'Weekdays', '>Mon<', 'Optional ·', 'Price change', 'Add option', 'Options of', 'Refunded', 'Signed in', 'Changed which station makes what', 'Prices and catalog', 'Tracks stock', '>Yes<', '>No<', 'Archived', '>Note<', 'Chrome on', 'Shift on', 'Over/short', 'Sales summary', 'Average ticket', 'Proposed change', 'Nothing changes until you approve', 'Already so', 'You asked', 'Your question', 'New chat', 'Your chats', 'Rename', 'Open report', 'running low', 'purchase list', 'best sellers'])
      expect(html).not.toContain(english);
  });

  it('stays English by default, with the wording the end-to-end specs look for', () => {
    const html = renderStrict('en', screens('en'));
    const missing = [
      'Recall last',
      '1 ticket',
      'Course 2',
      'Seat 2 &amp; start order',
      'Cancel order #7 (nothing ordered) and free the table',
      'Add staff member',
      'Register PIN (optional)',
      'Temporary password',
      'New items here',
      'Track stock',
      'Start with a sample menu',
      'Create business',
      'Cash + Card',
      '500 Ks off · items only · needs a manager every time',
      'Add all 1 item stocked here',
      'Mohinga arrived (of 10)',
      'Add a time window',
      'Change: Mark “Mohinga” sold out (86) — the register stops selling it',
      'Nothing changes until you approve.',
      'Your chats are kept here.',
      'What is running low on stock?',
      'Optional · at most 1. ',
      'Price change (MMK)',
      'Add modifier group',
      'Remove<span class="sr-only"> window 2</span>',
      'Add a product to Section 1',
      'Delete this menu',
    ].filter((english) => !html.includes(english));
    expect(missing).toEqual([]);
    expect(html).not.toContain('ပစ္စည်း');
  });

  it('prints a kitchen ticket, and says where it goes and how old it is, in the reader’s language', () => {
    const t = translatorFor('my', 'kitchen') as unknown as KitchenT;
    const f = formatsFor('my');
    expect(ticketDestination(ticket, t)).toBe('ဆိုင်တွင်းစား · P3');
    expect(ticketAge(ticket.firedAt, now, 0, t)).toMatchObject({ label: '၁၂ မိနစ်', tone: 'late' });
    expect(ticketAge(ticket.firedAt, Date.parse(ticket.firedAt), 0, t).label).toBe('ယခုလေးတင်');
    const html = ticketHtml({ ...ticket, voidedAt: ticket.firedAt }, { stationName: 'Kitchen', businessName: 'Golden Cup', timeZone: 'Asia/Yangon' }, { t, f });
    expect(html).toContain('<html lang="my">');
    expect(html).toContain('ပယ်ဖျက်ပြီး — မချက်ပါနှင့်');
    expect(html).toContain('အော်ဒါ မှတ်ချက်- Birthday');
    expect(html).toContain('၂ ×</span> Mohinga');
    expect(html).not.toContain('Fired');
  });

  it('says when a menu is offered in the reader’s language: day names, runs of days, windows past midnight', () => {
    const windows = [{ days: [1, 2, 3, 4, 5], start: '07:00', end: '11:00' }, { days: [6, 7], start: '18:00', end: '02:00' }];
    const en = translatorFor('en', 'menuHours') as unknown as MenuHoursT;
    expect(availabilitySummary(windows, en)).toBe('Mon–Fri 07:00–11:00; Sat, Sun 18:00–02:00 (next day)');
    expect(availabilitySummary([{ days: [1, 2, 3, 4, 5, 6, 7], start: '06:00', end: '11:00' }], en)).toBe('Every day 06:00–11:00');
    expect(availabilitySummary([], en)).toBe('Whenever it is active');
    const my = translatorFor('my', 'menuHours') as unknown as MenuHoursT;
    expect(availabilitySummary(windows, my)).toBe('တနင်္လာ–သောကြာ 07:00–11:00၊ စနေ၊ တနင်္ဂနွေ 18:00–02:00 (နောက်နေ့)');
    expect(availabilitySummary([], my)).toBe('ဖွင့်ထားသည့် အချိန်တိုင်း');
  });

  it('has Burmese words for every audit action, and keeps the stored codes', () => {
    const my = translatorFor('my', 'auditActions');
    const en = translatorFor('en', 'auditActions');
    const same = AUDIT_ACTIONS.filter((action) => my(`action.${action}`) === en(`action.${action}`));
    expect(same).toEqual([]);
  });

  it('words a modifier group’s rule in the reader’s language', () => {
    const modifierWords = (locale: Locale): ModifierWordsT => {
      const t = translatorFor(locale, 'admin');
      return (key, values) => t(`catalog.modifiers.${key}` as never, values as never);
    };
    const en = modifierWords('en');
    expect([choiceRule(0, 1, en), choiceRule(0, 3, en), choiceRule(1, 1, en), choiceRule(1, 3, en)]).toEqual(['Optional · at most 1', 'Optional · up to 3', 'Required · choose 1', 'Required · choose 1 to 3']);
    const my = modifierWords('my');
    expect(choiceRule(1, 3, my)).toBe('မဖြစ်မနေ · ၁ ခုမှ ၃ ခုအထိ ရွေးရန်');
  });

  it('says what the product search found, in the words order of each language', () => {
    const en = translatorFor('en', 'admin');
    expect(en('catalog.products.nothingFound', { hasQuery: 'yes', q: 'tea', hasCategory: 'yes', category: 'Drinks', status: 'active' })).toBe('Nothing found for “tea” in Drinks among active products.');
    expect(en('catalog.products.nothingFound', { hasQuery: 'no', q: '', hasCategory: 'no', category: '', status: 'all' })).toBe('Nothing found.');
    const my = translatorFor('my', 'admin');
    expect(my('catalog.products.nothingFound', { hasQuery: 'yes', q: 'tea', hasCategory: 'yes', category: 'Drinks', status: 'archived' })).toBe('Drinks ထဲရှိ သိမ်းဆည်းထားသော ပစ္စည်းများအနက် “tea” အတွက် ဘာမှ မတွေ့ပါ။');
    expect(my('catalog.products.showing', { first: 1, last: 25, total: 130 })).toBe('၁၃၀ ခုအနက် ၁–၂၅ ကို ပြနေသည်');
  });

  it('words the sale screen’s kitchen answer with its course, table and count, in both languages', () => {
    const en = translatorFor('en', 'register');
    expect(en('saleSent', { hasCourse: 'yes', course: 2, number: 14, hasTable: 'yes', table: 'P4', fired: 1 })).toBe('Course 2: Order #14 (table P4): 1 item sent to the kitchen.');
    expect(en('saleSent', { hasCourse: 'no', course: 0, number: 14, hasTable: 'yes', table: 'P1', fired: 0 })).toBe('Order #14 (table P1): nothing new to send.');
    expect(en('saleSent', { hasCourse: 'no', course: 0, number: 3, hasTable: 'no', table: '', fired: 2 })).toBe('Order #3: 2 items sent to the kitchen.');
    const my = translatorFor('my', 'register');
    expect(my('saleSent', { hasCourse: 'no', course: 0, number: 3, hasTable: 'yes', table: 'P1', fired: 2 })).toBe('အော်ဒါ #3 (စားပွဲ P1)- ပစ္စည်း ၂ ခု မီးဖိုချောင်သို့ ပို့ပြီးပါပြီ။');
  });
});
