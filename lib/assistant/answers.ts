import { formatMoney } from '@/lib/platform/money';
import type { Language, QuestionKind } from './intents';

/**
 * The offline model's answers, written from the tool results the SDK hands back (never from
 * anything else), in the language of the question. Figures come out exactly as the tools gave
 * them: money in the tenant's currency, counts as counted.
 */
type Result = Record<string, any>;

const periodText = (r: Result, lang: Language) => (r.from === r.to ? r.from : lang === 'my' ? `${r.from} မှ ${r.to} အထိ` : `${r.from} to ${r.to}`);
const pct = (basisPoints: number) => `${(basisPoints / 100).toFixed(1)}%`;
const hourText = (h: number) => `${String(h).padStart(2, '0')}:00–${String((h + 1) % 24).padStart(2, '0')}:00`;

export function answerFrom(kind: QuestionKind, r: Result, lang: Language): string {
  if (typeof r.error === 'string') return lang === 'my' ? `ရှာဖွေ၍ မရပါ: ${r.error}` : `I could not look that up: ${r.error}`;
  const m = (minor: number) => formatMoney(minor, r.currency ?? 'USD');
  const when = periodText(r, lang);
  const en = lang === 'en';
  switch (kind) {
    case 'salesSummary':
      return en
        ? `Net sales for ${when}: ${m(r.net)} from ${r.orders} order${r.orders === 1 ? '' : 's'} (gross ${m(r.gross)}, discounts ${m(r.discounts)}, refunds ${m(r.refunds)}, tax ${m(r.tax)}). Average ticket ${m(r.averageTicket)}. The same days a week earlier: ${m(r.previousNet)}.`
        : `${when} အသားတင်ရောင်းအား ${m(r.net)} ဖြစ်ပြီး အော်ဒါ ${r.orders} ခု ရှိပါသည် (စုစုပေါင်း ${m(r.gross)}၊ လျှော့စျေး ${m(r.discounts)}၊ ငွေပြန်အမ်း ${m(r.refunds)}၊ အခွန် ${m(r.tax)})။ ပျမ်းမျှ အော်ဒါတန်ဖိုး ${m(r.averageTicket)}။ တစ်ပတ်အရင် ထိုနေ့များ: ${m(r.previousNet)}။`;
    case 'topProducts': {
      if (r.items.length === 0) return en ? `Nothing was sold ${when}.` : `${when} တွင် ရောင်းထားသည် မရှိပါ။`;
      const list = r.items.slice(0, 5).map((i: Result, n: number) => `${n + 1}. ${i.name} — ${i.quantity} ${en ? 'sold' : 'ခု'}, ${m(i.net)}`);
      return en ? `Best sellers for ${when}: ${r.items[0].name} leads.\n${list.join('\n')}` : `${when} အရောင်းရဆုံး: ${r.items[0].name}။\n${list.join('\n')}`;
    }
    case 'tenderMix': {
      if (r.tenders.length === 0) return en ? `No payments were taken ${when}.` : `${when} တွင် ငွေပေးချေမှု မရှိပါ။`;
      const list = r.tenders.map((t: Result) => `${t.tender}: ${m(t.net)} (${t.payments} ${en ? 'payments' : 'ကြိမ်'}, ${pct(t.shareBasisPoints)})`);
      return en ? `Payment mix for ${when}:\n${list.join('\n')}` : `${when} ငွေပေးချေမှု အမျိုးအစားများ:\n${list.join('\n')}`;
    }
    case 'salesByStaff': {
      if (r.staff.length === 0) return en ? `No staff sales ${when}.` : `${when} တွင် ဝန်ထမ်းအရောင်း မရှိပါ။`;
      const list = r.staff.map((s: Result) => (en ? `${s.name}: ${m(s.sales)} from ${s.orders} orders, refunds ${m(s.refunds)}, ${s.voids} voids` : `${s.name}: ${m(s.sales)} (အော်ဒါ ${s.orders} ခု၊ ငွေပြန်အမ်း ${m(s.refunds)}၊ ပယ်ဖျက် ${s.voids} ခု)`));
      return en ? `Sales by staff for ${when}:\n${list.join('\n')}` : `${when} ဝန်ထမ်းအလိုက် ရောင်းအား:\n${list.join('\n')}`;
    }
    case 'salesByHour': {
      if (r.busiest.length === 0) return en ? `No orders ${when}, so no busiest hour yet.` : `${when} တွင် အော်ဒါ မရှိသေးပါ။`;
      const list = r.busiest.map((h: Result) => `${hourText(h.hour)}: ${h.orders} ${en ? 'orders' : 'အော်ဒါ'}, ${m(h.net)}`);
      return en ? `Busiest hours for ${when}:\n${list.join('\n')}` : `${when} အလုပ်အများဆုံး အချိန်များ:\n${list.join('\n')}`;
    }
    case 'refundsAndVoids': {
      const reasons = [...r.refunds.reasons, ...r.voids.reasons].map((x: Result) => x.reason).slice(0, 3);
      const tail = reasons.length ? (en ? ` Reasons: ${reasons.join('; ')}.` : ` အကြောင်းရင်း: ${reasons.join('; ')}။`) : '';
      return en
        ? `For ${when}: ${r.refunds.count} refund${r.refunds.count === 1 ? '' : 's'} totalling ${m(r.refunds.amount)}, and ${r.voids.count} void${r.voids.count === 1 ? '' : 's'} totalling ${m(r.voids.amount)}.${tail}`
        : `${when}: ငွေပြန်အမ်း ${r.refunds.count} ကြိမ် (${m(r.refunds.amount)})၊ ပယ်ဖျက် ${r.voids.count} ကြိမ် (${m(r.voids.amount)})။${tail}`;
    }
    case 'lowStock': {
      if (r.total === 0) return en ? 'Nothing is low on stock right now.' : 'လက်ရှိ လက်ကျန်နည်းနေသော ပစ္စည်း မရှိပါ။';
      const list = r.items.map((i: Result) => (en ? `${i.name}: ${i.quantity} left (threshold ${i.threshold ?? 0})` : `${i.name}: ${i.quantity} ခု ကျန် (သတ်မှတ်ချက် ${i.threshold ?? 0})`));
      return en ? `${r.total} item${r.total === 1 ? ' is' : 's are'} low on stock:\n${list.join('\n')}` : `လက်ကျန်နည်းနေသော ပစ္စည်း ${r.total} မျိုး:\n${list.join('\n')}`;
    }
    case 'tablesOccupied':
      return en
        ? `${r.occupied} of ${r.total} tables are occupied right now, with ${r.covers} guests.${r.tables.length ? ` ${r.tables.map((t: Result) => `${t.name} (${t.covers})`).join(', ')}.` : ''}`
        : `လက်ရှိ စားပွဲ ${r.total} လုံးအနက် ${r.occupied} လုံး လူရှိပြီး ဧည့်သည် ${r.covers} ဦး ရှိပါသည်။${r.tables.length ? ` ${r.tables.map((t: Result) => `${t.name} (${t.covers})`).join('၊ ')}။` : ''}`;
    case 'openOrders': {
      const list = r.orders.map((o: Result) => `#${o.number} (${o.status.replace('_', ' ')}): ${m(o.due)} ${en ? 'due' : 'ကျန်'}`);
      return en
        ? `${r.count} order${r.count === 1 ? ' is' : 's are'} not paid yet: ${r.byStatus.open} open, ${r.byStatus.placed} placed, ${r.byStatus.partially_paid} part-paid.${list.length ? `\n${list.join('\n')}` : ''}`
        : `ငွေမချေရသေးသော အော်ဒါ ${r.count} ခု ရှိပါသည် (ဖွင့်ထား ${r.byStatus.open}၊ မှာပြီး ${r.byStatus.placed}၊ တစ်စိတ်တစ်ပိုင်းချေ ${r.byStatus.partially_paid})။${list.length ? `\n${list.join('\n')}` : ''}`;
    }
  }
}

/** What the assistant can answer, for a question it could not map. */
export function capabilities(lang: Language): string {
  return lang === 'my'
    ? 'ဒီမေးခွန်းကို မဖြေနိုင်သေးပါ။ ဖြေနိုင်သည်များ: ရောင်းအား၊ အရောင်းရဆုံး ပစ္စည်း၊ ငွေပေးချေမှု အမျိုးအစား၊ လက်ကျန်နည်းသော ပစ္စည်း၊ လူရှိသော စားပွဲ၊ မပြီးသေးသော အော်ဒါ၊ ဝန်ထမ်းအလိုက် ရောင်းအား၊ ငွေပြန်အမ်းနှင့် ပယ်ဖျက်မှု၊ အလုပ်အများဆုံး အချိန် — ဒီနေ့၊ မနေ့က၊ ဒီအပတ်၊ ပြီးခဲ့တဲ့လ စသည်ဖြင့်။ ဥပမာ "ဒီနေ့ ရောင်းအား ဘယ်လောက်လဲ"။'
    : 'I can’t answer that yet. I can tell you revenue, best sellers, the payment mix, low-stock items, tables occupied, open orders, sales by staff, refunds and voids, and the busiest hours — for today, yesterday, this or last week, this or last month, a month by name, since a weekday, or a date range (2026-11-01 to 2026-11-15). Try "What was revenue today?"';
}

export const SUGGESTIONS = [
  'What was revenue today?',
  'What were the best sellers this week?',
  'How did people pay yesterday?',
  'What is running low on stock?',
  'How many tables are occupied?',
  'ဒီနေ့ ရောင်းအား ဘယ်လောက်လဲ',
];
