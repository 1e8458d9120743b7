import { createHash } from 'node:crypto';
import { Redis, type Requester, type UpstashRequest, type UpstashResponse } from '@upstash/redis';
import { config } from './config';
import { failed, inSpan } from './tracing';

/**
 * One Redis client API (@upstash/redis) over three transports, chosen by configuration:
 * - UPSTASH_REDIS_REST_URL: Upstash's REST API (serverless deployments);
 * - REDIS_URL: a TCP connection (node-redis) behind the client's Requester interface;
 * - neither: an in-process store (ioredis-mock) for the demo and tests — one process only.
 *
 * Every key is namespaced: `t:{tenantId}:...` for tenant data, `p:...` for platform data.
 */
export const tenantKey = (tenantId: string, ...parts: string[]) => ['t', tenantId, ...parts].join(':');
export const platformKey = (...parts: string[]) => ['p', ...parts].join(':');

type Command = (string | number | boolean)[];
type Executor = {
  exec(command: Command): Promise<unknown>;
  /** MULTI/EXEC: all or nothing. */
  transaction(commands: Command[]): Promise<unknown[]>;
};

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/**
 * Lua scripts for our own servers. @upstash/ratelimit starts its scripts with
 * `#!lua flags=allow-key-locking`, a flag only Upstash knows: Redis 7 refuses the script and
 * ioredis-mock cannot parse a shebang at all. The line is blanked (line numbers in errors
 * stay right). The client calls EVALSHA with the hash of its own text first, so that hash is
 * mapped to the hash of the text the server actually cached.
 */
function scriptAdapter() {
  const served = new Map<string, string>();
  return (command: Command): Command => {
    const name = String(command[0]).toLowerCase();
    if (name === 'eval') {
      const script = String(command[1] ?? '');
      if (!script.startsWith('#!')) return command;
      const plain = script.replace(/^#![^\n]*/, '');
      served.set(sha1(script), sha1(plain));
      return command.map((arg, i) => (i === 1 ? plain : arg));
    }
    if (name === 'evalsha') {
      const sha = served.get(String(command[1]));
      return sha ? command.map((arg, i) => (i === 1 ? sha : arg)) : command;
    }
    return command;
  };
}

/** Adapts an executor to the Requester the Upstash client speaks (path + JSON body). */
function requesterFor(executor: Executor): Requester {
  const adapt = scriptAdapter();
  const run = async (command: Command): Promise<UpstashResponse<unknown>> => {
    try {
      return { result: await executor.exec(adapt(command)) };
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  };
  const send = async (kind: string | undefined, body: unknown): Promise<unknown> => {
    if (kind === 'pipeline') {
      const results = [];
      for (const command of body as Command[]) results.push(await run(command));
      return results;
    }
    if (kind === 'multi-exec') {
      try {
        const results = await executor.transaction((body as Command[]).map(adapt));
        return results.map((result) => ({ result }));
      } catch (err) {
        return { error: err instanceof Error ? err.message : String(err) };
      }
    }
    return run(body as Command);
  };
  return {
    // One span per call the client makes (`redis get`, `redis pipeline`, `redis multi`) with the
    // command's name only: never its keys' values, which may be sessions or sign-in grants.
    request<TResult>(req: UpstashRequest): Promise<UpstashResponse<TResult>> {
      const kind = req.path?.[0];
      const name = kind === 'pipeline' ? 'pipeline' : kind === 'multi-exec' ? 'multi' : String((req.body as Command)[0]).toLowerCase();
      return inSpan(`redis ${name}`, async (span) => {
        const answer = (await send(kind, req.body)) as UpstashResponse<TResult> | UpstashResponse<unknown>[];
        if (span.isRecording()) {
          const batch = kind === 'pipeline' || kind === 'multi-exec' ? { 'db.operation.batch.size': (req.body as Command[]).length } : {};
          span.setAttributes({ 'db.system.name': 'redis', 'db.operation.name': name, ...batch });
          const errors = Array.isArray(answer) ? answer.filter((a) => a.error).length : answer.error ? 1 : 0;
          if (errors > 0) failed(span, undefined, `${errors} command(s) failed`);
        }
        return answer as UpstashResponse<TResult>;
      });
    },
  };
}

const CONNECT_TIMEOUT_MS = 3000;

async function tcpExecutor(url: string): Promise<Executor & { quit(): Promise<void> }> {
  const { createClient } = await import('redis');
  const client = createClient({
    url,
    // While Redis is away, commands fail at once instead of queueing (requests must not hang);
    // the client keeps reconnecting in the background.
    disableOfflineQueue: true,
    socket: { connectTimeout: CONNECT_TIMEOUT_MS, reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2000) },
  });
  client.on('error', () => {}); // surfaced through failed commands and /api/ready
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Redis did not answer within ${CONNECT_TIMEOUT_MS} ms`)), CONNECT_TIMEOUT_MS);
      }),
    ]);
  } catch (err) {
    client.destroy();
    throw err;
  } finally {
    clearTimeout(timer);
  }
  const args = (command: Command) => command.map(String);
  return {
    exec: (command) => client.sendCommand(args(command)),
    async transaction(commands) {
      const multi = client.multi();
      for (const command of commands) multi.addCommand(args(command));
      return (await multi.exec()) as unknown[];
    },
    quit: async () => {
      await client.quit();
    },
  };
}

/**
 * ioredis-mock matches option keywords case-sensitively (Redis does not, and the Upstash client
 * sends them in lower case): upper-case them where a command takes options, after its key
 * (and value, for SET).
 */
const OPTION_KEYWORD = /^(ex|px|exat|pxat|nx|xx|gt|lt|get|keepttl)$/i;
const FIRST_OPTION_ARG: Record<string, number> = { set: 2, expire: 2, pexpire: 2, expireat: 2, pexpireat: 2 };

async function memoryExecutor(): Promise<Executor> {
  const { default: RedisMock } = await import('ioredis-mock');
  const store = new RedisMock();
  const exec = (command: Command) => {
    const name = String(command[0]).toLowerCase();
    const firstOption = FIRST_OPTION_ARG[name] ?? Infinity;
    const args = command
      .slice(1)
      .map((arg, i) => (i >= firstOption && OPTION_KEYWORD.test(String(arg)) ? String(arg).toUpperCase() : String(arg)));
    const method = (store as unknown as Record<string, (...a: string[]) => Promise<unknown>>)[name];
    if (typeof method !== 'function') throw new Error(`ERR unknown command '${name}'`);
    return method.apply(store, args);
  };
  return {
    exec,
    // One process, one event loop: running the commands back to back is atomic enough here.
    async transaction(commands) {
      const results = [];
      for (const command of commands) results.push(await exec(command));
      return results;
    },
  };
}

type RedisHandle = { client: Redis; transport: 'rest' | 'tcp' | 'memory'; close(): Promise<void> };
const globalForRedis = globalThis as typeof globalThis & { __tillwiseRedis?: Promise<RedisHandle> };

async function open(): Promise<RedisHandle> {
  const { UPSTASH_REDIS_REST_URL, UPSTASH_REDIS_REST_TOKEN, REDIS_URL } = config();
  if (UPSTASH_REDIS_REST_URL) {
    const client = new Redis({ url: UPSTASH_REDIS_REST_URL, token: UPSTASH_REDIS_REST_TOKEN!, enableTelemetry: false });
    return { client, transport: 'rest', close: async () => {} };
  }
  if (REDIS_URL) {
    const executor = await tcpExecutor(REDIS_URL);
    return { client: new Redis(requesterFor(executor)), transport: 'tcp', close: executor.quit };
  }
  return { client: new Redis(requesterFor(await memoryExecutor())), transport: 'memory', close: async () => {} };
}

function handle(): Promise<RedisHandle> {
  globalForRedis.__tillwiseRedis ??= open().catch((err) => {
    globalForRedis.__tillwiseRedis = undefined;
    throw err;
  });
  return globalForRedis.__tillwiseRedis;
}

export async function redis(): Promise<Redis> {
  return (await handle()).client;
}

export async function redisTransport(): Promise<RedisHandle['transport']> {
  return (await handle()).transport;
}

export async function closeRedis(): Promise<void> {
  const h = globalForRedis.__tillwiseRedis;
  globalForRedis.__tillwiseRedis = undefined;
  const opened = await h?.catch(() => undefined); // a failed connection has nothing to close
  await opened?.close();
}
