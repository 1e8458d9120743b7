import pino from 'pino';
import { currentContext } from './request-context';

/**
 * JSON logs on stdout. `mixin` stamps request id, tenant and user from the async context on
 * every line, so no call site has to remember to pass them.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: 'tillwise' },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths: ['*.password', '*.pin', '*.passwordHash', '*.pinHash', '*.token', 'headers.cookie'], remove: true },
  mixin() {
    const ctx = currentContext();
    if (!ctx) return {};
    const { client: _client, ...fields } = ctx; // address and device go to the audit log, not every line
    return fields;
  },
});
