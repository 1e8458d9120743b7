import { decimalToMinor, minorDigits } from '@/lib/platform/money';
import { normalise } from './period';

/**
 * The question kinds the assistant answers, each the name of the tool that answers it
 * (tools.ts). The offline model recognises them by words in English and Myanmar; a real model
 * picks the tool from its description. Most specific kinds first: "sales by staff" and
 * "best-selling" also say "sales", "compare sales" does too, and "find the order of about $34
 * paid by card" names a payment.
 */
export const QUESTION_KINDS = [
  'findOrder',
  'refundsAndVoids',
  'discounts',
  'salesByStaff',
  'salesByHour',
  'tenderMix',
  'topProducts',
  'inventoryValue',
  'lowStock',
  'tablesOccupied',
  'openOrders',
  'comparePeriods',
  'salesSummary',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Kinds answered for one range of business days; comparePeriods and findOrder take more, the others are "now". */
export const PERIOD_KINDS: ReadonlySet<QuestionKind> = new Set(['refundsAndVoids', 'discounts', 'salesByStaff', 'salesByHour', 'tenderMix', 'topProducts', 'salesSummary']);

const WORDS: Record<QuestionKind, { en: RegExp; my: string[] }> = {
  findOrder: {
    en: /\b(find|look ?up|locate|search for|track down)\b.*\b(order|receipt|sale|bill|ticket)\b|\b(order|receipt|bill) (of|for|worth) (about|around|roughly|approximately|~)/,
    my: ['အော်ဒါရှာ', 'အော်ဒါကိုရှာ', 'ဘောက်ချာရှာ', 'ဘောက်ချာကိုရှာ', 'ဘေလ်ရှာ', 'ဘေလ်ကိုရှာ'],
  },
  discounts: { en: /\bdiscount|\bmoney off\b|\bmarkdowns?\b/, my: ['လျှော့စျေး', 'လျှော့ဈေး', 'စျေးလျှော့', 'ဈေးလျှော့'] },
  inventoryValue: {
    en: /\b(stock|inventory) (is )?(value|worth)|\bvalue of (the |our |my )?(stock|inventory)|\b(stock|inventory) (\w+ )?worth\b|\bworth of (the |our )?(stock|inventory)/,
    my: ['လက်ကျန်တန်ဖိုး', 'စတော့တန်ဖိုး', 'ကုန်ပစ္စည်းတန်ဖိုး', 'ပစ္စည်းတန်ဖိုး', 'လက်ကျန်ပစ္စည်းတန်ဖိုး'],
  },
  comparePeriods: { en: /\bcompar(e|ed|ing|ison)\b|\bvs\.?(\s|$)|\bversus\b/, my: ['နှိုင်းယှဉ်', 'နဲ့စာရင်', 'နှင့်စာလျှင်'] },
  refundsAndVoids: { en: /\brefund|\bvoid|\bcancell?ed order/, my: ['ငွေပြန်အမ်း', 'ပြန်အမ်း', 'ပယ်ဖျက်', 'ဖျက်သိမ်း'] },
  salesByStaff: { en: /\bstaff|\bemployee|\bcashiers?\b|\bwho sold|\bby person|\bwaiters?\b|\bteam\b/, my: ['ဝန်ထမ်း', 'ဘယ်သူရောင်း'] },
  salesByHour: { en: /\bbusiest|\bpeak|\bwhat time|\bwhich hours?\b|\bby hour|\brush hour/, my: ['အလုပ်အများဆုံး', 'လူအများဆုံး', 'ဘယ်အချိန်', 'နာရီအလိုက်', 'အရောင်းအကောင်းဆုံးအချိန်'] },
  tenderMix: { en: /\bpayment|\btender|\bcash or card|\bcard or cash|\bhow (did )?(people|customers) pa(y|id)|\bpaid by/, my: ['ငွေပေးချေ', 'ငွေချေ', 'ကတ်နဲ့', 'ငွေသား', 'ပေးချေမှု'] },
  topProducts: { en: /\bbest[- ]?sell|\btop (products?|items?|sellers?|dishes)|\bmost popular|\bsold (the )?most|\bselling best|\bbest seller/, my: ['အရောင်းရဆုံး', 'အရောင်းအရဆုံး', 'အများဆုံးရောင်း', 'လူကြိုက်အများဆုံး'] },
  lowStock: { en: /\blow[- ]stock|\brunning (low|out)|\bout of stock|\brestock|\breorder|\bstock level/, my: ['ကုန်ခါနီး', 'လက်ကျန်နည်း', 'စတော့နည်း', 'ပစ္စည်းနည်း', 'ကုန်တော့မယ်'] },
  tablesOccupied: { en: /\btables?\b.*\b(occupied|taken|busy|free|seated|in use)|\b(occupied|free|busy) tables?\b|\bhow many tables/, my: ['စားပွဲ', 'ဝိုင်း'] },
  openOrders: { en: /\b(open|pending|unpaid|outstanding|unfinished) orders?\b|\borders? (still )?(open|pending)/, my: ['မပြီးသေး', 'ဖွင့်ထား', 'ငွေမချေရသေး', 'ဆိုင်းငံ့'] },
  salesSummary: { en: /\brevenue|\bsales\b|\bturnover|\bincome|\btakings|\bhow much (did we|have we) (make|made|sell|sold|take|taken)|\bearn|\baverage ticket|\bhow many orders/, my: ['ရောင်းအား', 'ရောင်းရငွေ', 'ဝင်ငွေ', 'ရောင်းရ', 'အရောင်း', 'ဘယ်လောက်ရ'] },
};

/**
 * The kind of `question`, or null when it is none the assistant knows. "Find the open orders"
 * names no amount, so it is not an order to find but the next kind its words name.
 */
export function questionKind(question: string): QuestionKind | null {
  const { spaced, tight } = normalise(question);
  const kinds = QUESTION_KINDS.filter((k) => WORDS[k].en.test(spaced) || WORDS[k].my.some((w) => tight.includes(w)));
  return (kinds[0] === 'findOrder' && amountText(question) === null && kinds[1]) || kinds[0] || null;
}

/** A number as typed ("34", "34.50", "2,500"), not part of a longer number or a time ("2:30"). */
const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?!\d|[.,:]\d)`;
const NOT_A_TIME = String.raw`(?!\s*(?:a\.?m\b|p\.?m\b|o'?clock|နာရီ))`;
/** An amount as people say it, most certain first: with its currency ("$34", "34 dollars", "2,500 Ks", "၂၅၀၀ ကျပ်"), with a decimal point ("34.50"), after "of/about" ("the order of about 34"). */
const AMOUNTS = [
  new RegExp(String.raw`(?:\$|€|£|\busd|\bmmk|\bks\.?|ကျပ်)\s?${NUMBER}`),
  new RegExp(String.raw`${NUMBER}\s?(?:dollars?|bucks|usd|mmk|kyats?|ks\b|ကျပ်|ဒေါ်လာ)`),
  new RegExp(String.raw`(?<![\d.-])(\d+)\.(\d{1,3})(?!\d|[.:-]\d)${NOT_A_TIME}`),
  new RegExp(String.raw`(?<!\bat\s)(?:\b(?:of|for|worth|about|around|roughly|approximately|totall?ing)\s+|~\s?)(?:about |around |roughly )?${NUMBER}${NOT_A_TIME}`),
];

/** The amount a question names, as typed (whole part without grouping commas, and its decimals), or null. */
function amountText(question: string): { whole: string; fraction: string } | null {
  const { spaced } = normalise(question);
  for (const pattern of AMOUNTS) {
    const m = pattern.exec(spaced);
    if (m) return { whole: m[1]!.replaceAll(',', ''), fraction: m[2] ?? '' };
  }
  return null;
}

/** The amount a question names, in minor units of `currency` (decimals it does not have are dropped), or null. */
export function amountOf(question: string, currency: string): number | null {
  const text = amountText(question);
  return text && decimalToMinor(`${text.whole}.${text.fraction.slice(0, minorDigits(currency))}`, currency);
}

export type Language = 'en' | 'my';

/** Myanmar when the question has Myanmar letters, else English. */
export const languageOf = (text: string): Language => (/[\u1000-\u109f]/.test(text) ? 'my' : 'en');
