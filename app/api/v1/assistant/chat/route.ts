import { chatReply } from '@/lib/assistant';
import { tenantRoute } from '@/lib/auth';

/** POST /api/v1/assistant/chat — one chat turn, answered as the AI SDK's UI message stream (useChat). */
export const POST = tenantRoute(async ({ ctx, json }) => chatReply(ctx, json()), { permission: 'assistant:use', idempotent: false });
