import * as chatRoute from '@/app/api/v1/assistant/chat/route';
import { apiRequest, noParams, type TestStaff, type TestTenant } from '../helpers';

/** A UI message stream chunk (the AI SDK's protocol, one per server-sent event). */
export type Chunk = { type: string; [k: string]: any };

/** Reads a UI message stream response event by event as it arrives; non-streams give no chunks. */
export async function readChunks(res: Response): Promise<Chunk[]> {
  const chunks: Chunk[] = [];
  if (!res.headers.get('content-type')?.startsWith('text/event-stream')) return chunks;
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
  return chunks;
}

/** POSTs one chat turn as the page does (the conversation id and only the new message) and reads the answer. */
export async function send(host: TestTenant, as: TestStaff, body: unknown) {
  const res = await chatRoute.POST(await apiRequest('POST', '/api/v1/assistant/chat', { host: host.tenant, as, body }), noParams);
  const chunks = await readChunks(res);
  return {
    res,
    chunks,
    text: chunks.filter((c) => c.type === 'text-delta').map((c) => c.delta).join(''),
    calls: chunks.filter((c) => c.type === 'tool-input-available').map((c) => ({ toolName: c.toolName as string, input: c.input })),
    approvals: chunks.filter((c) => c.type === 'tool-approval-request'),
    outputs: chunks.filter((c) => c.type === 'tool-output-available').map((c) => c.output),
  };
}

/** A question as useChat sends it. */
export const question = (conversationId: string, text: string, id = `q-${crypto.randomUUID()}`) => ({
  id: conversationId,
  message: { id, role: 'user', parts: [{ type: 'text', text }] },
});

/** A question in a chat of its own. */
export const body = (text: string) => question(crypto.randomUUID(), text);
