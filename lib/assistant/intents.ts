import { normalise } from './period';

/**
 * The question kinds the assistant answers, each the name of the tool that answers it
 * (tools.ts). The offline model recognises them by words in English and Myanmar; a real model
 * picks the tool from its description. Most specific kinds first: "sales by staff" and
 * "best-selling" also say "sales".
 */
export const QUESTION_KINDS = [
  'refundsAndVoids',
  'salesByStaff',
  'salesByHour',
  'tenderMix',
  'topProducts',
  'lowStock',
  'tablesOccupied',
  'openOrders',
  'salesSummary',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Kinds whose answer depends on a period (the others are "now"). */
export const PERIOD_KINDS: ReadonlySet<QuestionKind> = new Set(['refundsAndVoids', 'salesByStaff', 'salesByHour', 'tenderMix', 'topProducts', 'salesSummary']);

const WORDS: Record<QuestionKind, { en: RegExp; my: string[] }> = {
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

/** The kind of `question`, or null when it is none the assistant knows. */
export function questionKind(question: string): QuestionKind | null {
  const { spaced, tight } = normalise(question);
  return QUESTION_KINDS.find((k) => WORDS[k].en.test(spaced) || WORDS[k].my.some((w) => tight.includes(w))) ?? null;
}

export type Language = 'en' | 'my';

/** Myanmar when the question has Myanmar letters, else English. */
export const languageOf = (text: string): Language => (/[\u1000-\u109f]/.test(text) ? 'my' : 'en');
