import { formatMoney } from '@/lib/platform/money';
import type { Language, QuestionKind } from './intents';

/**
 * The offline model's answers, written from the tool results the SDK hands back (never from
 * anything else), in the language of the question. Figures come out exactly as the tools gave
 * them: money in the tenant's currency, counts as counted. Each headline figure cites where it
 * came from as a markdown link, `[$9.00](/admin/reports/sales-summary?from=…)`, to the result's
 * `link` (the page renders only /admin links as links: components/admin/assistant/answer-text.tsx).
 */
type Result = Record<string, any>;

const periodText = (r: Result, lang: Language) => (r.from === r.to ? r.from : lang === 'my' ? `${r.from} မှ ${r.to} အထိ` : `${r.from} to ${r.to}`);
const pct = (basisPoints: number) => `${(basisPoints / 100).toFixed(1)}%`;
const signedPct = (basisPoints: number) => `${basisPoints > 0 ? '+' : ''}${pct(basisPoints)}`;
const hourText = (h: number) => `${String(h).padStart(2, '0')}:00–${String((h + 1) % 24).padStart(2, '0')}:00`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** A figure linked to the page it came from (as it is when the result has no link). */
const cite = (label: string, link: unknown) => (typeof link === 'string' ? `[${label}](${link})` : label);
/** A heading and its rows, one a line. */
const listed = (heading: string, rows: string[]) => [heading, ...rows].join('\n');
const statusText = (status: string) => status.replace('_', ' ');

export function answerFrom(kind: QuestionKind, r: Result, lang: Language): string {
  if (typeof r.error === 'string') return lang === 'my' ? `ရှာဖွေ၍ မရပါ: ${r.error}` : `I could not look that up: ${r.error}`;
  const m = (minor: number) => formatMoney(minor, r.currency ?? 'USD');
  const signed = (minor: number) => (minor > 0 ? `+${m(minor)}` : m(minor));
  const when = periodText(r, lang);
  const en = lang === 'en';
  switch (kind) {
    case 'salesSummary':
      return en
        ? `Net sales for ${when}: ${cite(m(r.net), r.link)} from ${plural(r.orders, 'order')} (gross ${m(r.gross)}, discounts ${m(r.discounts)}, refunds ${m(r.refunds)}, tax ${m(r.tax)}). Average ticket ${m(r.averageTicket)}. The same days a week earlier: ${m(r.previousNet)}.`
        : `${when} အသားတင်ရောင်းအား ${cite(m(r.net), r.link)} ဖြစ်ပြီး အော်ဒါ ${r.orders} ခု ရှိပါသည် (စုစုပေါင်း ${m(r.gross)}၊ လျှော့စျေး ${m(r.discounts)}၊ ငွေပြန်အမ်း ${m(r.refunds)}၊ အခွန် ${m(r.tax)})။ ပျမ်းမျှ အော်ဒါတန်ဖိုး ${m(r.averageTicket)}။ တစ်ပတ်အရင် ထိုနေ့များ: ${m(r.previousNet)}။`;
    case 'comparePeriods': {
      const [a, b, c] = [r.period, r.against, r.change];
      const change = `${signed(c.net)}${c.netBasisPoints === null ? '' : `, ${signedPct(c.netBasisPoints)}`}`;
      return en
        ? `${periodText(a, lang)} vs ${periodText(b, lang)}: net sales ${cite(m(a.net), a.link)} vs ${cite(m(b.net), b.link)} (${change}); orders ${a.orders} vs ${b.orders} (${c.orders > 0 ? '+' : ''}${c.orders}); average ticket ${m(a.averageTicket)} vs ${m(b.averageTicket)} (${signed(c.averageTicket)}).`
        : `${periodText(a, lang)} နှင့် ${periodText(b, lang)}: အသားတင်ရောင်းအား ${cite(m(a.net), a.link)} နှင့် ${cite(m(b.net), b.link)} (ပြောင်းလဲမှု ${change})၊ အော်ဒါ ${a.orders} ခု နှင့် ${b.orders} ခု၊ ပျမ်းမျှ အော်ဒါတန်ဖိုး ${m(a.averageTicket)} နှင့် ${m(b.averageTicket)}။`;
    }
    case 'topProducts': {
      if (r.items.length === 0) return en ? `Nothing was sold ${when}.` : `${when} တွင် ရောင်းထားသည် မရှိပါ။`;
      const rows = r.items.slice(0, 5).map((i: Result, n: number) => `${n + 1}. ${i.name} — ${i.quantity} ${en ? 'sold' : 'ခု'}, ${cite(m(i.net), r.link)}`);
      return listed(en ? `Best sellers for ${when}: ${r.items[0].name} leads.` : `${when} အရောင်းရဆုံး: ${r.items[0].name}။`, rows);
    }
    case 'tenderMix': {
      if (r.tenders.length === 0) return en ? `No payments were taken ${when}.` : `${when} တွင် ငွေပေးချေမှု မရှိပါ။`;
      const rows = r.tenders.map((t: Result) => `${t.tender}: ${cite(m(t.net), r.link)} (${t.payments} ${en ? 'payments' : 'ကြိမ်'}, ${pct(t.shareBasisPoints)})`);
      return listed(en ? `Payment mix for ${when}:` : `${when} ငွေပေးချေမှု အမျိုးအစားများ:`, rows);
    }
    case 'salesByStaff': {
      if (r.staff.length === 0) return en ? `No staff sales ${when}.` : `${when} တွင် ဝန်ထမ်းအရောင်း မရှိပါ။`;
      const rows = r.staff.map((s: Result) =>
        en ? `${s.name}: ${cite(m(s.sales), r.link)} from ${s.orders} orders, refunds ${m(s.refunds)}, ${s.voids} voids` : `${s.name}: ${cite(m(s.sales), r.link)} (အော်ဒါ ${s.orders} ခု၊ ငွေပြန်အမ်း ${m(s.refunds)}၊ ပယ်ဖျက် ${s.voids} ခု)`,
      );
      return listed(en ? `Sales by staff for ${when}:` : `${when} ဝန်ထမ်းအလိုက် ရောင်းအား:`, rows);
    }
    case 'salesByHour': {
      if (r.busiest.length === 0) return en ? `No orders ${when}, so no busiest hour yet.` : `${when} တွင် အော်ဒါ မရှိသေးပါ။`;
      const rows = r.busiest.map((h: Result) => `${hourText(h.hour)}: ${h.orders} ${en ? 'orders' : 'အော်ဒါ'}, ${cite(m(h.net), r.link)}`);
      return listed(en ? `Busiest hours for ${when}:` : `${when} အလုပ်အများဆုံး အချိန်များ:`, rows);
    }
    case 'refundsAndVoids': {
      const reasons = [...r.refunds.reasons, ...r.voids.reasons].map((x: Result) => x.reason).slice(0, 3);
      const tail = reasons.length ? (en ? ` Reasons: ${reasons.join('; ')}.` : ` အကြောင်းရင်း: ${reasons.join('; ')}။`) : '';
      const [refunds, voids] = [cite(m(r.refunds.amount), r.link), cite(m(r.voids.amount), r.link)];
      return en
        ? `For ${when}: ${plural(r.refunds.count, 'refund')} totalling ${refunds}, and ${plural(r.voids.count, 'void')} totalling ${voids}.${tail}`
        : `${when}: ငွေပြန်အမ်း ${r.refunds.count} ကြိမ် (${refunds})၊ ပယ်ဖျက် ${r.voids.count} ကြိမ် (${voids})။${tail}`;
    }
    case 'discounts': {
      if (r.discounts === 0) return en ? `No discounts were given for ${when}.` : `${when} တွင် လျှော့စျေး မပေးခဲ့ပါ။`;
      const most = r.items.map((i: Result) => `${i.name} (${m(i.discounts)})`).join(en ? ', ' : '၊ ');
      return en
        ? `Discounts for ${when}: ${cite(m(r.discounts), r.link)} on ${r.discountedOrders} of ${plural(r.orders, 'order')} (${pct(r.rateBasisPoints)} of gross sales).${most ? ` Discounted most: ${most}.` : ''}`
        : `${when} လျှော့စျေး ${cite(m(r.discounts), r.link)} (အော်ဒါ ${r.orders} ခုအနက် ${r.discountedOrders} ခု၊ စုစုပေါင်းရောင်းအား၏ ${pct(r.rateBasisPoints)})။${most ? ` အများဆုံး လျှော့ပေးခဲ့သည်: ${most}။` : ''}`;
    }
    case 'findOrder': {
      const band = cite(`${m(r.min)}–${m(r.max)}`, r.link);
      const what = en ? `of about ${m(r.amount)} (${band}) on ${when}${r.around ? ` around ${r.around}` : ''}` : `${when}${r.around ? ` ${r.around} ဝန်းကျင်` : ''} ${m(r.amount)} ခန့် (${band})`;
      if (r.candidates.length === 0) return en ? `I found no order ${what}.` : `${what} အော်ဒါ မတွေ့ပါ။`;
      const rows = r.candidates.map((c: Result, n: number) => `${n + 1}. ${cite(`#${c.number}`, c.link)} ${r.from === r.to ? '' : `${c.date} `}${c.time} — ${m(c.total)}, ${statusText(c.status)}`);
      return listed(en ? `Orders ${what}, closest first:` : `${what} အော်ဒါများ (အနီးစပ်ဆုံး ဦးစွာ):`, rows);
    }
    case 'inventoryValue': {
      const worth = en
        ? `Stock on hand is worth ${cite(m(r.retail), r.link)} at selling prices: ${plural(r.units, 'unit')} of ${plural(r.itemsInStock, 'item')}.`
        : `လက်ကျန်ပစ္စည်း တန်ဖိုး (ရောင်းစျေးဖြင့်) ${cite(m(r.retail), r.link)} ရှိပါသည် — ပစ္စည်း ${r.itemsInStock} မျိုး၊ ${r.units} ခု။`;
      const cost = r.cost === null ? (en ? ' Cost prices are not recorded, so I cannot value it at cost.' : ' ဝယ်စျေး မှတ်တမ်း မရှိသဖြင့် ဝယ်စျေးဖြင့် တန်ဖိုး မတွက်နိုင်ပါ။') : '';
      return listed(worth + cost, r.items.slice(0, 5).map((i: Result, n: number) => `${n + 1}. ${i.name} — ${i.quantity} × ${m(i.price)} = ${m(i.value)}`));
    }
    case 'lowStock': {
      if (r.total === 0) return en ? 'Nothing is low on stock right now.' : 'လက်ရှိ လက်ကျန်နည်းနေသော ပစ္စည်း မရှိပါ။';
      const rows = r.items.map((i: Result) => (en ? `${i.name}: ${i.quantity} left (threshold ${i.threshold ?? 0})` : `${i.name}: ${i.quantity} ခု ကျန် (သတ်မှတ်ချက် ${i.threshold ?? 0})`));
      return listed(en ? `${cite(plural(r.total, 'item'), r.link)} ${r.total === 1 ? 'is' : 'are'} low on stock:` : `လက်ကျန်နည်းနေသော ပစ္စည်း ${cite(`${r.total} မျိုး`, r.link)}:`, rows);
    }
    case 'tablesOccupied': {
      const names = r.tables.map((t: Result) => `${t.name} (${t.covers})`).join(en ? ', ' : '၊ ');
      return en
        ? `${cite(`${r.occupied} of ${r.total} tables`, r.link)} are occupied right now, with ${r.covers} guests.${names ? ` ${names}.` : ''}`
        : `လက်ရှိ စားပွဲ ${r.total} လုံးအနက် ${cite(`${r.occupied} လုံး`, r.link)} လူရှိပြီး ဧည့်သည် ${r.covers} ဦး ရှိပါသည်။${names ? ` ${names}။` : ''}`;
    }
    case 'openOrders': {
      const rows = r.orders.map((o: Result) => `${cite(`#${o.number}`, o.link)} (${statusText(o.status)}): ${m(o.due)} ${en ? 'due' : 'ကျန်'}`);
      return listed(
        en
          ? `${cite(plural(r.count, 'order'), r.link)} ${r.count === 1 ? 'is' : 'are'} not paid yet: ${r.byStatus.open} open, ${r.byStatus.placed} placed, ${r.byStatus.partially_paid} part-paid.`
          : `ငွေမချေရသေးသော အော်ဒါ ${cite(`${r.count} ခု`, r.link)} ရှိပါသည် (ဖွင့်ထား ${r.byStatus.open}၊ မှာပြီး ${r.byStatus.placed}၊ တစ်စိတ်တစ်ပိုင်းချေ ${r.byStatus.partially_paid})။`,
        rows,
      );
    }
  }
}

/** What to say when asked to find an order without an amount to look for. */
export function askForAmount(lang: Language): string {
  return lang === 'my'
    ? 'အော်ဒါက ဘယ်လောက်ခန့်လဲ ပြောပေးပါ၊ ဥပမာ "မနေ့က ညနေ ၂ နာရီလောက်က ၃၄ ဒေါ်လာလောက် အော်ဒါကို ရှာပေးပါ"။'
    : 'Tell me about how much the order came to, for example "find the order of about $34 at around 2 pm yesterday".';
}

/** What the assistant can answer, for a question it could not map. */
export function capabilities(lang: Language): string {
  return lang === 'my'
    ? 'ဒီမေးခွန်းကို မဖြေနိုင်သေးပါ။ ဖြေနိုင်သည်များ: ရောင်းအား၊ ကာလနှစ်ခု နှိုင်းယှဉ်ချက်၊ အရောင်းရဆုံး ပစ္စည်း၊ ငွေပေးချေမှု အမျိုးအစား၊ လျှော့စျေး၊ လက်ကျန်နည်းသော ပစ္စည်း၊ လက်ကျန်ပစ္စည်း တန်ဖိုး၊ လူရှိသော စားပွဲ၊ မပြီးသေးသော အော်ဒါ၊ ဝန်ထမ်းအလိုက် ရောင်းအား၊ ငွေပြန်အမ်းနှင့် ပယ်ဖျက်မှု၊ အလုပ်အများဆုံး အချိန်၊ ပမာဏနှင့် အချိန်ဖြင့် အော်ဒါရှာခြင်း — ဒီနေ့၊ မနေ့က၊ ဒီအပတ်၊ ပြီးခဲ့တဲ့လ စသည်ဖြင့်။ သင် ခွင့်ပြုပြီးမှ ပြောင်းလဲပေးနိုင်သည်များ: ပစ္စည်း ကုန်ပြီဟု မှတ်ခြင်း ("မုန့်ဟင်းခါး ကုန်ပြီ")၊ လက်ကျန်သတိပေးချက် သတ်မှတ်ခြင်း၊ ဝယ်ရန်စာရင်း ရေးဆွဲခြင်း။ ဥပမာ "ဒီနေ့ ရောင်းအား ဘယ်လောက်လဲ"။'
    : 'I can’t answer that yet. I can tell you revenue, a comparison of two periods, best sellers, the payment mix, discounts, low-stock items, what the stock is worth, tables occupied, open orders, sales by staff, refunds and voids, and the busiest hours — for today, yesterday, this or last week, this or last month, a month by name, since a weekday, or a date range (2026-11-01 to 2026-11-15) — and find an order by its amount and time ("the order of about $34 at around 2 pm yesterday"). Once you approve, I can also mark an item sold out ("86 the mohinga") or back on, set a low-stock threshold, and draft a purchase list from low stock. Try "What was revenue today?"';
}

/**
 * The questions the chat offers before the first one, by their catalogue key
 * (`admin.assistant.suggestions.<key>`): the page shows and sends them in the reader's language,
 * and the offline model answers each the same in English and Myanmar (tests/assistant). The last
 * one is in the other language, to show the assistant understands both.
 */
export const SUGGESTIONS = ['revenueToday', 'compareWeeks', 'bestSellersThisWeek', 'paymentsYesterday', 'lowStock', 'stockWorth', 'tablesOccupied', 'purchaseList', 'otherLanguage'] as const;
export type Suggestion = (typeof SUGGESTIONS)[number];
