import type { LanguageModelV3ToolResultOutput } from '@ai-sdk/provider';
import { ACTION_TOOLS, type ActionTool } from './actions';
import type { Language } from './intents';
import { normalise } from './period';

/**
 * The offline model's side of the changing tools: a request to change something ("86 the
 * mohinga", "mohinga is back", "set the low-stock threshold for milk to 5", and the same in
 * Myanmar) becomes a call of the tool that will ask for approval, and the outcome — done,
 * nothing to do, refused, or denied by the person — becomes the answer.
 */
type Call = { toolName: ActionTool; input: Record<string, unknown> };

const item = (raw: string) => raw.replace(/^(?:the|our)\s+/i, '').replace(/[.!?။]+$/u, '').trim();

const SOLD_OUT: [RegExp, boolean][] = [
  [/^(?:please\s+)?(?:86|eighty[- ]six)\s+(.+)$/i, true],
  [/^(?:please\s+)?(?:un-?86|bring back|put back on sale|put back)\s+(.+?)(?:\s+on sale)?$/i, false],
  [/^(?:please\s+)?mark\s+(.+?)\s+(?:as\s+)?sold[- ]out$/i, true],
  [/^(?:please\s+)?mark\s+(.+?)\s+(?:as\s+)?(?:available(?: again)?|back on(?: sale)?)$/i, false],
  [/^(.+?)\s+is\s+(?:now\s+)?sold[- ]out$/i, true],
  [/^(.+?)\s+is\s+(?:back(?: on(?: sale)?)?|available again)$/i, false],
];
// Myanmar: "<item> ကုန်ပြီ" (has run out), "<item> ပြန်ရပြီ / ပြန်ရောင်း" (back on sale).
const SOLD_OUT_MY: [RegExp, boolean][] = [
  [/^(.+?)\s*(?:ကုန်ပြီ|ကုန်သွားပြီ|ရောင်းကုန်ပြီ)/u, true],
  [/^(.+?)\s*(?:ပြန်ရပြီ|ပြန်ရောင်း)/u, false],
];
const THRESHOLD = [
  /^(?:please\s+)?set\s+(?:the\s+)?low[- ]stock\s+(?:threshold|level|alert)\s+(?:for|of|on)\s+(.+?)\s+to\s+(\d+)/i,
  /^(?:please\s+)?set\s+(.+?)(?:'s)?\s+low[- ]stock\s+(?:threshold|level|alert)\s+to\s+(\d+)/i,
];
const PURCHASE_LIST = /\b(draft|make|prepare|create|write)\b.*\b(purchase|shopping|order(ing)?|re-?order)\s+list\b|\bwhat should (i|we) (order|buy)\b/i;
const PURCHASE_LIST_MY = /ဝယ်ရန်စာရင်း|မှာရန်စာရင်း|ဘာမှာရမလဲ/u;
// Myanmar: "<item> သတိပေးအရေအတွက် 5 ထားပါ" (set the warning quantity to 5).
const THRESHOLD_MY = /^(.+?)\s*(?:သတိပေး(?:အရေအတွက်|ချက်)|သတ်မှတ်ချက်)\s*(?:ကို)?\s*(\d+)/u;

/** The changing tool `question` asks for, if it is one (and the tool is offered). */
export function actionCall(question: string, offered: ReadonlySet<string>): Call | null {
  const text = question.trim().replace(/[.!?။]+$/u, '');
  const ascii = normalise(text).spaced; // Myanmar digits as ASCII, lower case
  const call = ((): Call | null => {
    if (PURCHASE_LIST.test(text) || PURCHASE_LIST_MY.test(text)) return { toolName: 'draftPurchaseList', input: {} };
    for (const pattern of THRESHOLD) {
      const m = pattern.exec(text);
      if (m) return { toolName: 'setLowStockThreshold', input: { item: item(m[1]!), threshold: Number(m[2]) } };
    }
    const my = THRESHOLD_MY.exec(ascii);
    if (my) return { toolName: 'setLowStockThreshold', input: { item: item(my[1]!), threshold: Number(my[2]) } };
    for (const [pattern, soldOut] of [...SOLD_OUT, ...SOLD_OUT_MY]) {
      const m = pattern.exec(text);
      if (m && item(m[1]!)) return { toolName: 'setItemSoldOut', input: { item: item(m[1]!), soldOut } };
    }
    return null;
  })();
  return call && offered.has(call.toolName) ? call : null;
}

export const isActionTool = (name: string): name is ActionTool => (ACTION_TOOLS as readonly string[]).includes(name);

type Result = Record<string, any>;

/** The answer once the SDK passed back what the changing tool did (or that the person said no). */
export function actionAnswer(tool: ActionTool, output: LanguageModelV3ToolResultOutput, lang: Language): string {
  const en = lang === 'en';
  if (output.type === 'execution-denied') return en ? 'OK — nothing was changed.' : 'ကောင်းပါပြီ — ဘာမှ မပြောင်းလဲပါ။';
  const r: Result = output.type === 'json' ? (output.value as Result) : { error: output.type === 'error-text' || output.type === 'text' ? output.value : 'The change did not run.' };
  if (typeof r.error === 'string') return en ? `I could not change that: ${r.error}` : `မပြောင်းလဲနိုင်ပါ: ${r.error}`;
  if (tool === 'setItemSoldOut') {
    if (!r.changed) return en ? `${r.item} was already ${r.soldOut ? 'sold out' : 'on sale'}; nothing changed.` : `${r.item} သည် ${r.soldOut ? 'ကုန်နေပြီးသား' : 'ရောင်းနေဆဲ'} ဖြစ်ပါသည်။ ဘာမှ မပြောင်းလဲပါ။`;
    return r.soldOut
      ? en
        ? `Done: ${r.item} is marked sold out. The register shows it and will not sell it until it is back on.`
        : `ပြီးပါပြီ: ${r.item} ကို ကုန်ပြီဟု မှတ်လိုက်ပါပြီ။ ပြန်မဖွင့်မချင်း ကောင်တာတွင် မရောင်းပါ။`
      : en
        ? `Done: ${r.item} is back on sale.`
        : `ပြီးပါပြီ: ${r.item} ကို ပြန်ရောင်းနိုင်ပါပြီ။`;
  }
  if (tool === 'draftPurchaseList') {
    const list = r.lines.map((l: Result) => `${l.name}: ${en ? 'order' : 'မှာရန်'} ${l.quantity} (${en ? 'on hand' : 'လက်ကျန်'} ${l.onHand})`).join('\n');
    const more = r.items > r.lines.length ? (en ? `\n…and ${r.items - r.lines.length} more.` : `\n…နောက်ထပ် ${r.items - r.lines.length} မျိုး။`) : '';
    return en
      ? `Done: [a purchase list of ${r.items} item${r.items === 1 ? '' : 's'}, ${r.units} units](${r.link}) is drafted for ${r.location}.\n${list}${more}`
      : `ပြီးပါပြီ: ${r.location} အတွက် [ဝယ်ရန်စာရင်း (${r.items} မျိုး၊ ${r.units} ခု)](${r.link}) ရေးဆွဲပြီးပါပြီ။\n${list}${more}`;
  }
  const was = r.previous === null ? (en ? 'none before' : 'ယခင် မရှိ') : en ? `was ${r.previous}` : `ယခင် ${r.previous}`;
  return en
    ? `Done: ${r.item} is flagged low at ${r.threshold} or fewer at ${r.location} (${was}).`
    : `ပြီးပါပြီ: ${r.location} တွင် ${r.item} ${r.threshold} ခု သို့မဟုတ် အောက်ရောက်လျှင် လက်ကျန်နည်းဟု ပြပါမည် (${was})။`;
}
