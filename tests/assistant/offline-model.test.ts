import type { LanguageModelV3Prompt } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { ACTION_TOOLS, nextStep, offlineModel, parsePeriod, QUESTION_KINDS, SUGGESTIONS } from '@/lib/assistant';
import { translatorFor } from '@/lib/platform/i18n';
import { answerFrom } from '@/lib/assistant/answers';
import { amountOf } from '@/lib/assistant/intents';
import { chunks } from '@/lib/assistant/offline-model';
import { parseComparison, timeOfDay } from '@/lib/assistant/period';
import { toleranceOf } from '@/lib/assistant/tools';
import { formatMoney } from '@/lib/platform/money';

// Tuesday 2026-12-01 (weeks start on Monday: this week began 2026-11-30).
const TODAY = '2026-12-01';
const ALL_TOOLS = new Set<string>(QUESTION_KINDS);
const systemIn = (currency: string) => ({
  role: 'system' as const,
  content: `You are the sales assistant.\nToday's business date: ${TODAY} (time zone UTC).\nMoney in tool results is in integer minor units of ${currency}; show it formatted in ${currency}.`,
});
const ask = (text: string, currency = 'USD'): LanguageModelV3Prompt => [systemIn(currency), { role: 'user', content: [{ type: 'text', text }] }];

describe('the offline model: question → tool and range', () => {
  it.each([
    ['What was revenue today?', 'salesSummary', '2026-12-01', '2026-12-01'],
    ['How much did we make yesterday?', 'salesSummary', '2026-11-30', '2026-11-30'],
    ['Sales this week', 'salesSummary', '2026-11-30', '2026-12-01'],
    ['What were sales last week?', 'salesSummary', '2026-11-23', '2026-11-29'],
    ['Revenue this month', 'salesSummary', '2026-12-01', '2026-12-01'],
    ['Revenue last month', 'salesSummary', '2026-11-01', '2026-11-30'],
    ['What was revenue in March?', 'salesSummary', '2026-03-01', '2026-03-31'],
    ['Revenue in December', 'salesSummary', '2026-12-01', '2026-12-01'],
    ['Sales since Monday', 'salesSummary', '2026-11-30', '2026-12-01'],
    ['Sales since Thursday', 'salesSummary', '2026-11-26', '2026-12-01'],
    ['Revenue from 2026-11-01 to 2026-11-15', 'salesSummary', '2026-11-01', '2026-11-15'],
    ['What are the best sellers this week?', 'topProducts', '2026-11-30', '2026-12-01'],
    ['How did people pay yesterday?', 'tenderMix', '2026-11-30', '2026-11-30'],
    ['Sales by staff last month', 'salesByStaff', '2026-11-01', '2026-11-30'],
    ['Any refunds or voids today?', 'refundsAndVoids', '2026-12-01', '2026-12-01'],
    ['What were our busiest hours last week?', 'salesByHour', '2026-11-23', '2026-11-29'],
    ['How much did we give in discounts last week?', 'discounts', '2026-11-23', '2026-11-29'],
    // Myanmar
    ['ဒီနေ့ ရောင်းအား ဘယ်လောက်လဲ', 'salesSummary', '2026-12-01', '2026-12-01'],
    ['မနေ့က ရောင်းအား ဘယ်လောက်လဲ', 'salesSummary', '2026-11-30', '2026-11-30'],
    ['ဒီအပတ် ဝင်ငွေ', 'salesSummary', '2026-11-30', '2026-12-01'],
    ['ပြီးခဲ့တဲ့အပတ် ရောင်းအား', 'salesSummary', '2026-11-23', '2026-11-29'],
    ['ဒီလ ရောင်းအား', 'salesSummary', '2026-12-01', '2026-12-01'],
    ['ပြီးခဲ့တဲ့လ ရောင်းအား', 'salesSummary', '2026-11-01', '2026-11-30'],
    ['မတ်လ ရောင်းအား', 'salesSummary', '2026-03-01', '2026-03-31'],
    ['မေလ ရောင်းအား', 'salesSummary', '2026-05-01', '2026-05-31'],
    ['တနင်္လာနေ့ကစပြီး ရောင်းအား', 'salesSummary', '2026-11-30', '2026-12-01'],
    ['ဒီအပတ် အရောင်းရဆုံး ပစ္စည်း', 'topProducts', '2026-11-30', '2026-12-01'],
    ['မနေ့က ငွေပေးချေမှု', 'tenderMix', '2026-11-30', '2026-11-30'],
    ['ပြီးခဲ့တဲ့လ ဝန်ထမ်းအလိုက် ရောင်းအား', 'salesByStaff', '2026-11-01', '2026-11-30'],
    ['ဒီနေ့ ငွေပြန်အမ်း', 'refundsAndVoids', '2026-12-01', '2026-12-01'],
    ['ဘယ်အချိန် အလုပ်အများဆုံးလဲ', 'salesByHour', '2026-12-01', '2026-12-01'],
    ['၂၀၂၆-၁၁-၀၁ မှ ၂၀၂၆-၁၁-၁၅ ရောင်းအား', 'salesSummary', '2026-11-01', '2026-11-15'],
    ['ဒီအပတ် လျှော့စျေး ဘယ်လောက်ပေးခဲ့လဲ', 'discounts', '2026-11-30', '2026-12-01'],
  ])('%s → %s %s..%s', (question, tool, from, to) => {
    const step = nextStep(ask(question), ALL_TOOLS);
    expect(step).toMatchObject({ type: 'tool-call', toolName: tool, input: { from, to } });
  });

  it.each([
    ['What is running low on stock?', 'lowStock'],
    ['How many tables are occupied?', 'tablesOccupied'],
    ['Any open orders?', 'openOrders'],
    ['Find the open orders', 'openOrders'],
    ['What is our stock worth?', 'inventoryValue'],
    ['What is the value of the inventory at cost and at retail?', 'inventoryValue'],
    ['လက်ကျန်နည်းနေတဲ့ ပစ္စည်း', 'lowStock'],
    ['လက်ကျန်ပစ္စည်း တန်ဖိုး ဘယ်လောက်လဲ', 'inventoryValue'],
    ['စားပွဲ ဘယ်နှစ်ဝိုင်း လူရှိလဲ', 'tablesOccupied'],
    ['ငွေမချေရသေးတဲ့ အော်ဒါ', 'openOrders'],
  ])('%s → %s (now, no range)', (question, tool) => {
    expect(nextStep(ask(question), ALL_TOOLS)).toEqual({ type: 'tool-call', toolName: tool, input: {} });
  });

  it.each([
    ['How does this week compare with last week?', ['2026-11-30', '2026-12-01'], ['2026-11-23', '2026-11-29']],
    ['Sales this week vs last week', ['2026-11-30', '2026-12-01'], ['2026-11-23', '2026-11-29']],
    ['Compare today with yesterday', ['2026-12-01', '2026-12-01'], ['2026-11-30', '2026-11-30']],
    ['November vs October', ['2026-11-01', '2026-11-30'], ['2026-10-01', '2026-10-31']],
    ['Compare revenue and orders this month with last month', ['2026-12-01', '2026-12-01'], ['2026-11-01', '2026-11-30']],
    ['Compare 2026-11-01 to 2026-11-15 with 2026-10-01 to 2026-10-15', ['2026-11-01', '2026-11-15'], ['2026-10-01', '2026-10-15']],
    ['How did last week compare?', ['2026-11-23', '2026-11-29'], ['2026-11-16', '2026-11-22']],
    ['Compare this month', ['2026-12-01', '2026-12-01'], ['2026-11-01', '2026-11-01']],
    ['ဒီအပတ်နဲ့ ပြီးခဲ့တဲ့အပတ် ရောင်းအား နှိုင်းယှဉ်ပါ', ['2026-11-30', '2026-12-01'], ['2026-11-23', '2026-11-29']],
    ['ဒီနေ့ကို မနေ့နဲ့ နှိုင်းယှဉ်ပါ', ['2026-12-01', '2026-12-01'], ['2026-11-30', '2026-11-30']],
    ['နိုဝင်ဘာလနဲ့ အောက်တိုဘာလ ရောင်းအား နှိုင်းယှဉ်ချက်', ['2026-11-01', '2026-11-30'], ['2026-10-01', '2026-10-31']],
  ])('%s → comparePeriods %j against %j', (question, [from, to], [againstFrom, againstTo]) => {
    expect(nextStep(ask(question), ALL_TOOLS)).toEqual({ type: 'tool-call', toolName: 'comparePeriods', input: { period: { from, to }, against: { from: againstFrom, to: againstTo } } });
  });

  it.each([
    ['USD', 'Find the order of about $34 at around 2 pm yesterday', { from: '2026-11-30', to: '2026-11-30', amount: 3400, around: '14:00' }],
    ['USD', 'find the order of 34 dollars at 14:30', { from: TODAY, to: TODAY, amount: 3400, around: '14:30' }],
    ['USD', 'Find the order of about 34.50 yesterday', { from: '2026-11-30', to: '2026-11-30', amount: 3450 }],
    ['MMK', 'Look up the receipt of 2,500 Ks at noon', { from: TODAY, to: TODAY, amount: 2500, around: '12:00' }],
    ['MMK', 'find the order for 2500 kyats at 7 pm last week', { from: '2026-11-23', to: '2026-11-29', amount: 2500, around: '19:00' }],
    ['USD', 'မနေ့က ညနေ ၂ နာရီလောက်က ၃၄ ဒေါ်လာလောက် အော်ဒါကို ရှာပေးပါ', { from: '2026-11-30', to: '2026-11-30', amount: 3400, around: '14:00' }],
    ['MMK', 'ဒီနေ့ နေ့လယ် ၁၂ နာရီခွဲလောက် ၂၅၀၀ ကျပ် အော်ဒါကို ရှာပေးပါ', { from: TODAY, to: TODAY, amount: 2500, around: '12:30' }],
  ])('%s: %s → findOrder %j', (currency, question, input) => {
    expect(nextStep(ask(question, currency), ALL_TOOLS)).toEqual({ type: 'tool-call', toolName: 'findOrder', input });
  });

  it('asks how much, in the language of the question, to find an order it was given no amount for', () => {
    expect(nextStep(ask('Find the order at 2 pm yesterday'), ALL_TOOLS)).toMatchObject({ type: 'text', text: expect.stringContaining('about how much') });
    const my = nextStep(ask('မနေ့က ၂ နာရီက အော်ဒါကို ရှာပေးပါ'), ALL_TOOLS);
    expect(my).toMatchObject({ type: 'text', text: expect.stringContaining('ဘယ်လောက်ခန့်') });
  });

  it('ranks best sellers by units when the question asks how many', () => {
    expect(nextStep(ask('Which items sold the most units today?'), ALL_TOOLS)).toMatchObject({ toolName: 'topProducts', input: { by: 'quantity' } });
  });

  it('says what it can answer, in the language of the question, when it cannot map one or the tool is not offered', () => {
    const en = nextStep(ask('Write me a poem about cats'), ALL_TOOLS);
    expect(en.type).toBe('text');
    expect(en.type === 'text' && en.text).toContain('revenue');
    const my = nextStep(ask('ကြောင်အကြောင်း ကဗျာ'), ALL_TOOLS);
    expect(my.type === 'text' && /[\u1000-\u109f]/.test(my.text)).toBe(true);
    expect(nextStep(ask('What was revenue today?'), new Set()).type).toBe('text');
  });

  it('writes the answer from the tool result the SDK passed back, in the language of the question, citing its figure', () => {
    const link = `/admin/reports/sales-summary?from=${TODAY}&to=${TODAY}`;
    const result = { from: TODAY, to: TODAY, currency: 'MMK', net: 125000, gross: 130000, discounts: 0, refunds: 5000, tax: 0, orders: 7, averageTicket: 18571, items: 20, previousNet: 0, link };
    const prompt = (q: string): LanguageModelV3Prompt => [
      ...ask(q),
      { role: 'assistant', content: [{ type: 'tool-call', toolCallId: 'c1', toolName: 'salesSummary', input: { from: TODAY, to: TODAY } }] },
      { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'c1', toolName: 'salesSummary', output: { type: 'json', value: result } }] },
    ];
    const en = nextStep(prompt('What was revenue today?'), ALL_TOOLS);
    expect(en).toMatchObject({ type: 'text', text: expect.stringContaining(`[${formatMoney(125000, 'MMK')}](${link}) from 7 orders`) });
    const my = nextStep(prompt('ဒီနေ့ ရောင်းအား ဘယ်လောက်လဲ'), ALL_TOOLS);
    expect(my.type === 'text' && my.text).toContain(`[${formatMoney(125000, 'MMK')}](${link}) ဖြစ်ပြီး အော်ဒါ 7 ခု`);
  });

  it('explains a tool error instead of failing', () => {
    const prompt: LanguageModelV3Prompt = [
      ...ask('Revenue today'),
      { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'c1', toolName: 'salesSummary', output: { type: 'json', value: { error: 'At most 366 days at a time' } } }] },
    ];
    expect(nextStep(prompt, ALL_TOOLS)).toEqual({ type: 'text', text: 'I could not look that up: At most 366 days at a time' });
  });

  it('streams through the LanguageModelV3 protocol: a tool call, then the answer in several deltas', async () => {
    const model = offlineModel();
    const tools = [{ type: 'function' as const, name: 'salesSummary', inputSchema: { type: 'object' } }];
    const read = async (prompt: LanguageModelV3Prompt) => {
      const { stream } = await model.doStream({ prompt, tools });
      const parts: { type: string; [k: string]: unknown }[] = [];
      for await (const p of stream as unknown as AsyncIterable<{ type: string }>) parts.push(p);
      return parts;
    };
    const first = await read(ask('What was revenue today?'));
    const call = first.find((p) => p.type === 'tool-call');
    expect(call).toMatchObject({ toolName: 'salesSummary', input: JSON.stringify({ from: TODAY, to: TODAY }) });
    expect(first.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'tool-calls' } });
    const second = await read(ask('Write me a poem'));
    expect(second.filter((p) => p.type === 'text-delta').length).toBeGreaterThan(3);
    expect(second.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'stop' } });
    expect(chunks('a b c d e f g').join('')).toBe('a b c d e f g');
  });
});

describe('parsePeriod', () => {
  it('takes a month name of a month not yet begun this year as last year’s', () => {
    expect(parsePeriod('revenue in december', '2026-06-15')).toMatchObject({ from: '2025-12-01', to: '2025-12-31' });
  });
  it('orders a reversed range and defaults to today', () => {
    expect(parsePeriod('2026-11-15 to 2026-11-01', TODAY)).toMatchObject({ from: '2026-11-01', to: '2026-11-15' });
    expect(parsePeriod('revenue', TODAY)).toMatchObject({ from: TODAY, to: TODAY, label: 'today' });
  });
});

describe('parseComparison', () => {
  it('with one period named, compares the same days a month earlier for a month so far, the whole month before for a whole month, else as many days before', () => {
    expect(parseComparison('compare this month', '2026-11-15')).toMatchObject({ period: { from: '2026-11-01', to: '2026-11-15' }, against: { from: '2026-10-01', to: '2026-10-15' } });
    expect(parseComparison('compare this month', '2026-03-31')).toMatchObject({ against: { from: '2026-02-01', to: '2026-02-28' } });
    expect(parseComparison('compare this month', '2026-03-30')).toMatchObject({ against: { from: '2026-02-01', to: '2026-02-28' } });
    expect(parseComparison('how did 2026-11-10 – 2026-11-12 compare?', TODAY)).toMatchObject({ against: { from: '2026-11-07', to: '2026-11-09' } });
    // "Compare X to Y" names two periods: two days here, not a range.
    expect(parseComparison('compare 2026-11-10 to 2026-11-12', TODAY)).toMatchObject({ period: { from: '2026-11-10', to: '2026-11-10' }, against: { from: '2026-11-12', to: '2026-11-12' } });
  });
});

describe('a time of day and an amount, as people say them', () => {
  it.each([
    ['at 2 pm', '14:00'],
    ['2:30pm', '14:30'],
    ['at 9.15 a.m.', '09:15'],
    ['12 am', '00:00'],
    ['12 pm', '12:00'],
    ['at 14:05', '14:05'],
    ['around noon', '12:00'],
    ['at around 3', '15:00'],
    ['at 9', '09:00'],
    ["7 o'clock", '07:00'],
    ['ညနေ ၅ နာရီ', '17:00'],
    ['မနက် ၉ နာရီ', '09:00'],
    ['ည ၈ နာရီ', '20:00'],
    ['နေ့လယ် ၁ နာရီခွဲ', '13:30'],
    ['၁၄:၃၀ လောက်', '14:30'],
    ['yesterday', null],
    ['the order of about 34', null],
  ])('%s → %s', (text, time) => {
    expect(timeOfDay(text)).toBe(time);
  });

  it.each([
    ['the order of $34', 'USD', 3400],
    ['34 dollars', 'USD', 3400],
    ['about 34.50 at 2 pm', 'USD', 3450],
    ['$34.567', 'USD', 3456],
    ['2,500 Ks', 'MMK', 2500],
    ['2500 kyats', 'MMK', 2500],
    ['၂၅၀၀ ကျပ်', 'MMK', 2500],
    ['ကျပ် ၂,၅၀၀', 'MMK', 2500],
    ['34.50', 'MMK', 34],
    ['at around 2 pm, the order of about 34', 'USD', 3400],
    ['at around 2 pm yesterday', 'USD', null],
    ['at 14:30 on 2026-11-30', 'USD', null],
  ])('%s (%s) → %s', (text, currency, amount) => {
    expect(amountOf(text, currency)).toBe(amount);
  });

  it('finds an order of about an amount: ±10 %, at least one whole unit of the currency', () => {
    expect(toleranceOf(3400, 'USD')).toBe(340);
    expect(toleranceOf(500, 'USD')).toBe(100);
    expect(toleranceOf(2500, 'MMK')).toBe(250);
    expect(toleranceOf(5, 'MMK')).toBe(1);
  });
});

describe('the answers of the new kinds, each headline figure citing its page', () => {
  const week = { from: '2026-11-30', to: '2026-12-01' };
  it.each([
    [
      'comparePeriods',
      {
        currency: 'USD',
        period: { ...week, net: 1500, orders: 3, averageTicket: 500, link: '/admin/reports/sales-summary?from=2026-11-30&to=2026-12-01' },
        against: { from: '2026-11-23', to: '2026-11-29', net: 1000, orders: 4, averageTicket: 250, link: '/admin/reports/sales-summary?from=2026-11-23&to=2026-11-29' },
        change: { net: 500, orders: -1, averageTicket: 250, netBasisPoints: 5000 },
      },
      [
        'net sales [$15.00](/admin/reports/sales-summary?from=2026-11-30&to=2026-12-01) vs [$10.00](/admin/reports/sales-summary?from=2026-11-23&to=2026-11-29) (+$5.00, +50.0%); orders 3 vs 4 (-1); average ticket $5.00 vs $2.50 (+$2.50)',
      ],
      ['အသားတင်ရောင်းအား [$15.00](/admin/reports/sales-summary?from=2026-11-30&to=2026-12-01) နှင့် [$10.00]', '(ပြောင်းလဲမှု +$5.00, +50.0%)'],
    ],
    [
      'discounts',
      { ...week, currency: 'USD', discounts: 250, discountedOrders: 2, orders: 5, rateBasisPoints: 312, items: [{ name: 'Tea', discounts: 200 }], link: '/admin/reports/discounts?from=2026-11-30&to=2026-12-01' },
      ['[$2.50](/admin/reports/discounts?from=2026-11-30&to=2026-12-01) on 2 of 5 orders (3.1% of gross sales). Discounted most: Tea ($2.00).'],
      ['လျှော့စျေး [$2.50](/admin/reports/discounts?from=2026-11-30&to=2026-12-01) (အော်ဒါ 5 ခုအနက် 2 ခု'],
    ],
    [
      'findOrder',
      {
        from: '2026-11-30',
        to: '2026-11-30',
        currency: 'USD',
        amount: 3400,
        min: 3060,
        max: 3740,
        around: '14:00',
        candidates: [{ id: 'o1', number: 12, date: '2026-11-30', time: '13:52', total: 3350, status: 'partially_refunded', link: '/admin/orders/o1' }],
        link: '/admin/orders?from=2026-11-30&to=2026-11-30&min=30.60&max=37.40',
      },
      ['Orders of about $34.00 ([$30.60–$37.40](/admin/orders?from=2026-11-30&to=2026-11-30&min=30.60&max=37.40)) on 2026-11-30 around 14:00, closest first:\n1. [#12](/admin/orders/o1) 13:52 — $33.50, partially refunded'],
      ['2026-11-30 14:00 ဝန်းကျင် $34.00 ခန့်', '[#12](/admin/orders/o1) 13:52 — $33.50'],
    ],
    [
      'inventoryValue',
      { currency: 'MMK', retail: 50000, cost: null, units: 30, itemsInStock: 2, items: [{ name: 'Tea', sku: 'T', quantity: 20, price: 2000, value: 40000 }], link: '/admin/stock' },
      ['Stock on hand is worth [MMK\u00a050,000](/admin/stock) at selling prices: 30 units of 2 items. Cost prices are not recorded', '1. Tea — 20 × MMK\u00a02,000 = MMK\u00a040,000'],
      ['[MMK\u00a050,000](/admin/stock) ရှိပါသည်', 'ဝယ်စျေး မှတ်တမ်း မရှိ'],
    ],
    [
      'openOrders',
      { currency: 'USD', count: 1, byStatus: { open: 0, placed: 1, partially_paid: 0 }, orders: [{ id: 'o2', number: 7, status: 'placed', total: 400, due: 400, link: '/admin/orders/o2' }], link: '/admin/orders?status=unpaid' },
      ['[1 order](/admin/orders?status=unpaid) is not paid yet', '[#7](/admin/orders/o2) (placed): $4.00 due'],
      ['အော်ဒါ [1 ခု](/admin/orders?status=unpaid)'],
    ],
  ])('%s', (kind, result, english, myanmar) => {
    const en = answerFrom(kind as never, result, 'en');
    for (const part of english) expect(en).toContain(part);
    const my = answerFrom(kind as never, result, 'my');
    for (const part of myanmar) expect(my).toContain(part);
  });

  it('says when no order was found, and when nothing was discounted', () => {
    const none = { from: TODAY, to: TODAY, currency: 'USD', amount: 3400, min: 3060, max: 3740, around: null, candidates: [], link: '/admin/orders?from=x' };
    expect(answerFrom('findOrder', none, 'en')).toBe(`I found no order of about $34.00 ([$30.60–$37.40](/admin/orders?from=x)) on ${TODAY}.`);
    expect(answerFrom('discounts', { from: TODAY, to: TODAY, currency: 'USD', discounts: 0, discountedOrders: 0, orders: 3, rateBasisPoints: 0, items: [] }, 'en')).toBe(`No discounts were given for ${TODAY}.`);
  });
});

describe('the suggested questions', () => {
  const en = translatorFor('en', 'admin');
  const my = translatorFor('my', 'admin');
  const offered = new Set<string>([...QUESTION_KINDS, ...ACTION_TOOLS]);
  it.each(SUGGESTIONS.filter((s) => s !== 'otherLanguage'))('%s: the Burmese one asks what the English one asks', (key) => {
    const [english, burmese] = [en(`assistant.suggestions.${key}`), my(`assistant.suggestions.${key}`)];
    expect(burmese).not.toBe(english);
    expect(burmese).toMatch(/[\u1000-\u109f]/);
    const step = nextStep(ask(english), offered);
    expect(step.type, `${english} is answered by a tool`).toBe('tool-call');
    expect(nextStep(ask(burmese), offered)).toEqual(step);
  });

  it('offers the other language last: each asks what the first one asks', () => {
    expect(en('assistant.suggestions.otherLanguage')).toBe(my('assistant.suggestions.revenueToday'));
    expect(my('assistant.suggestions.otherLanguage')).toBe(en('assistant.suggestions.revenueToday'));
  });
});
