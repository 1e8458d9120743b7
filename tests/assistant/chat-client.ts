import * as chatRoute from '@/app/api/v1/assistant/chat/route';
import { apiRequest, noParams, type TestStaff, type TestTenant } from '../helpers';

/** What useChat sends for one new question. */
export const body = (text: string) => ({ id: 'chat-1', trigger: 'submit-message', messages: [{ id: `m-${Math.random()}`, role: 'user', parts: [{ type: 'text', text }] }] });

type Chunk = { type: string; [k: string]: any };

/** Sends one question to the chat route and reads the UI message stream (server-sent events) chunk by chunk as it arrives. */
export async function ask(host: TestTenant, as: TestStaff, payload: unknown) {
  const res = await chatRoute.POST(await apiRequest('POST', '/api/v1/assistant/chat', { host: host.tenant, as, body: payload }), noParams);
  const chunks: Chunk[] = [];
  if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      const events = buffer.split('\n\n');
      buffer = events.pop()!;
      for (const e of events) {
        const data = e.replace(/^data: /, '');
        if (data !== '[DONE]') chunks.push(JSON.parse(data));
      }
    }
  }
  const text = chunks.filter((c) => c.type === 'text-delta').map((c) => c.delta).join('');
  const outputs = chunks.filter((c) => c.type === 'tool-output-available').map((c) => c.output);
  const calls = chunks.filter((c) => c.type === 'tool-input-available').map((c) => ({ toolName: c.toolName, input: c.input }));
  return { res, chunks, text, outputs, calls };
}
