import type { LanguageModelV3Prompt } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { nextStep, offlineModel, parsePeriod, QUESTION_KINDS } from '@/lib/assistant';
import { chunks } from '@/lib/assistant/offline-model';
import { formatMoney } from '@/lib/platform/money';

// Tuesday 2026-12-01 (weeks start on Monday: this week began 2026-11-30).
const TODAY = '2026-12-01';
const ALL_TOOLS = new Set<string>(QUESTION_KINDS);
const system = { role: 'system' as const, content: `You are the sales assistant.\nToday's business date: ${TODAY} (time zone UTC).` };
const ask = (text: string): LanguageModelV3Prompt => [system, { role: 'user', content: [{ type: 'text', text }] }];

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
  ])('%s → %s %s..%s', (question, tool, from, to) => {
    const step = nextStep(ask(question), ALL_TOOLS);
    expect(step).toMatchObject({ type: 'tool-call', toolName: tool, input: { from, to } });
  });

  it.each([
    ['What is running low on stock?', 'lowStock'],
    ['How many tables are occupied?', 'tablesOccupied'],
    ['Any open orders?', 'openOrders'],
    ['လက်ကျန်နည်းနေတဲ့ ပစ္စည်း', 'lowStock'],
    ['စားပွဲ ဘယ်နှစ်ဝိုင်း လူရှိလဲ', 'tablesOccupied'],
    ['ငွေမချေရသေးတဲ့ အော်ဒါ', 'openOrders'],
  ])('%s → %s (now, no range)', (question, tool) => {
    expect(nextStep(ask(question), ALL_TOOLS)).toEqual({ type: 'tool-call', toolName: tool, input: {} });
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

  it('writes the answer from the tool result the SDK passed back, in the language of the question', () => {
    const result = { from: TODAY, to: TODAY, currency: 'MMK', net: 125000, gross: 130000, discounts: 0, refunds: 5000, tax: 0, orders: 7, averageTicket: 18571, items: 20, previousNet: 0 };
    const prompt = (q: string): LanguageModelV3Prompt => [
      ...ask(q),
      { role: 'assistant', content: [{ type: 'tool-call', toolCallId: 'c1', toolName: 'salesSummary', input: { from: TODAY, to: TODAY } }] },
      { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'c1', toolName: 'salesSummary', output: { type: 'json', value: result } }] },
    ];
    const en = nextStep(prompt('What was revenue today?'), ALL_TOOLS);
    expect(en).toMatchObject({ type: 'text', text: expect.stringContaining(formatMoney(125000, 'MMK')) });
    expect(en.type === 'text' && en.text).toContain('7 orders');
    const my = nextStep(prompt('ဒီနေ့ ရောင်းအား ဘယ်လောက်လဲ'), ALL_TOOLS);
    expect(my.type === 'text' && my.text).toContain(`${formatMoney(125000, 'MMK')} ဖြစ်ပြီး အော်ဒါ 7 ခု`);
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
