import type { LanguageModelV3, LanguageModelV3CallOptions, LanguageModelV3Content, LanguageModelV3Prompt, LanguageModelV3StreamPart, LanguageModelV3Usage } from '@ai-sdk/provider';
import type { ActionTool } from './actions';
import { answerFrom, askForAmount, capabilities } from './answers';
import { amountOf, languageOf, PERIOD_KINDS, questionKind, type QuestionKind } from './intents';
import { actionAnswer, actionCall, isActionTool } from './offline-actions';
import { parseComparison, parsePeriod, timeOfDay } from './period';

/**
 * The built-in offline model: a real LanguageModelV3, so the route, the SDK's tool loop,
 * streaming and the page run unchanged with no network and no weights. One step of it is
 * either a tool call (the question's kind and period → the tool and its range) or the answer
 * (written from the tool results the SDK passed back after the last user message), streamed
 * as several text deltas in the language of the question.
 *
 * It learns today's business date and the currency from the system prompt's lines
 * `Today's business date: YYYY-MM-DD` (chat.ts writes it in the tenant's time zone and day
 * start) and `… minor units of XXX`, as a hosted model would.
 */
export const OFFLINE_MODEL_ID = 'tillwise-offline';
const TODAY_LINE = /Today's business date: (\d{4}-\d{2}-\d{2})/;
const CURRENCY_LINE = /minor units of ([A-Z]{3})\b/;

type Step = { type: 'tool-call'; toolName: QuestionKind | ActionTool; input: Record<string, unknown> } | { type: 'text'; text: string };

const textOf = (parts: { type: string; text?: string }[]) => parts.map((p) => (p.type === 'text' ? p.text : '')).join('');

/** What the model does next for `prompt`, given the tools it was offered. Exported for tests. */
export function nextStep(prompt: LanguageModelV3Prompt, offered: ReadonlySet<string>): Step {
  const system = prompt.find((m) => m.role === 'system')?.content ?? '';
  const today = TODAY_LINE.exec(system)?.[1] ?? new Date().toISOString().slice(0, 10);
  const lastUser = prompt.findLastIndex((m) => m.role === 'user');
  const question = lastUser >= 0 ? textOf(prompt[lastUser]!.content as { type: string; text?: string }[]) : '';
  const lang = languageOf(question);
  const kind = questionKind(question);

  const results = prompt.slice(lastUser + 1).flatMap((m) => (m.role === 'tool' ? m.content : [])).filter((p) => p.type === 'tool-result');
  const result = results.findLast((p) => p.toolName === kind) ?? results.at(-1);
  if (result && result.type === 'tool-result') {
    if (isActionTool(result.toolName)) return { type: 'text', text: actionAnswer(result.toolName, result.output, lang) };
    const output = result.output;
    const value = output.type === 'json' ? output.value : output.type === 'error-text' || output.type === 'text' ? { error: output.value } : { error: 'The lookup did not run.' };
    return { type: 'text', text: answerFrom(result.toolName as QuestionKind, value as Record<string, unknown>, lang) };
  }
  const action = actionCall(question, offered);
  if (action) return { type: 'tool-call', ...action };
  if (!kind || !offered.has(kind)) return { type: 'text', text: capabilities(lang) };
  if (kind === 'comparePeriods') {
    const { period, against } = parseComparison(question, today);
    return { type: 'tool-call', toolName: kind, input: { period: { from: period.from, to: period.to }, against: { from: against.from, to: against.to } } };
  }
  const { from, to } = parsePeriod(question, today);
  if (kind === 'findOrder') {
    const amount = amountOf(question, CURRENCY_LINE.exec(system)?.[1] ?? 'USD');
    if (amount === null) return { type: 'text', text: askForAmount(lang) };
    const around = timeOfDay(question);
    return { type: 'tool-call', toolName: kind, input: { from, to, amount, ...(around && { around }) } };
  }
  if (!PERIOD_KINDS.has(kind)) return { type: 'tool-call', toolName: kind, input: {} };
  const byUnits = /\b(units?|quantity|how many)\b|အရေအတွက်|ဘယ်နှစ်ခု/.test(question.toLowerCase());
  return { type: 'tool-call', toolName: kind, input: kind === 'topProducts' ? { from, to, by: byUnits ? 'quantity' : 'net' } : { from, to } };
}

const offeredTools = (options: LanguageModelV3CallOptions) => new Set((options.tools ?? []).filter((t) => t.type === 'function').map((t) => t.name));

function usage(prompt: LanguageModelV3Prompt, output: string): LanguageModelV3Usage {
  const input = Math.ceil(JSON.stringify(prompt).length / 4);
  const out = Math.ceil(output.length / 4);
  return { inputTokens: { total: input, noCache: input, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: out, text: out, reasoning: 0 } };
}

/** Text in pieces of a few words each, as a hosted model streams it. */
export function chunks(text: string): string[] {
  return text.match(/\S+\s*|\s+/g)?.reduce<string[]>((acc, word, i) => (i % 3 === 0 ? acc.push(word) : (acc[acc.length - 1] += word), acc), []) ?? [];
}

export function offlineModel(): LanguageModelV3 {
  let calls = 0;
  const callId = () => `call_offline_${Date.now().toString(36)}_${(calls++).toString(36)}`;
  return {
    specificationVersion: 'v3',
    provider: 'tillwise',
    modelId: OFFLINE_MODEL_ID,
    supportedUrls: {},

    async doGenerate(options) {
      const step = nextStep(options.prompt, offeredTools(options));
      const content: LanguageModelV3Content[] =
        step.type === 'text' ? [{ type: 'text', text: step.text }] : [{ type: 'tool-call', toolCallId: callId(), toolName: step.toolName, input: JSON.stringify(step.input) }];
      const out = step.type === 'text' ? step.text : JSON.stringify(step.input);
      return { content, finishReason: { unified: step.type === 'text' ? 'stop' : 'tool-calls', raw: undefined }, usage: usage(options.prompt, out), warnings: [] };
    },

    async doStream(options) {
      const step = nextStep(options.prompt, offeredTools(options));
      const parts: LanguageModelV3StreamPart[] = [{ type: 'stream-start', warnings: [] }, { type: 'response-metadata', modelId: OFFLINE_MODEL_ID, timestamp: new Date() }];
      let out: string;
      if (step.type === 'text') {
        out = step.text;
        parts.push({ type: 'text-start', id: 'text-0' }, ...chunks(step.text).map((delta): LanguageModelV3StreamPart => ({ type: 'text-delta', id: 'text-0', delta })), { type: 'text-end', id: 'text-0' });
      } else {
        out = JSON.stringify(step.input);
        const id = callId();
        parts.push(
          { type: 'tool-input-start', id, toolName: step.toolName },
          { type: 'tool-input-delta', id, delta: out },
          { type: 'tool-input-end', id },
          { type: 'tool-call', toolCallId: id, toolName: step.toolName, input: out },
        );
      }
      parts.push({ type: 'finish', usage: usage(options.prompt, out), finishReason: { unified: step.type === 'text' ? 'stop' : 'tool-calls', raw: undefined } });
      let i = 0;
      const stream = new ReadableStream<LanguageModelV3StreamPart>({
        pull(controller) {
          if (options.abortSignal?.aborted) return controller.error(options.abortSignal.reason);
          if (i < parts.length) controller.enqueue(parts[i++]!);
          else controller.close();
        },
      });
      return { stream };
    },
  };
}
