import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resetConfigForTests } from '@/lib/platform/config';

/** A real webhook receiver: a node:http server on 127.0.0.1 that keeps every request and answers as told. */
export type Received = { method: string; url: string; headers: IncomingHttpHeaders; body: string };
export type Answer = { status: number; body?: string; headers?: Record<string, string> };

export async function startReceiver(answer: (req: Received, n: number) => Answer = () => ({ status: 200, body: 'ok' })) {
  const received: Received[] = [];
  let respond = answer;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(r);
      const a = respond(r, received.length);
      res.writeHead(a.status, a.headers ?? {});
      res.end(a.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (path = '/hook') => `http://127.0.0.1:${port}${path}`,
    received,
    answer: (next: typeof answer) => {
      respond = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Sets WEBHOOK_ALLOW_HOSTS (undefined: unset) and re-reads the config. */
export function allowHosts(value: string | undefined): void {
  if (value === undefined) delete process.env.WEBHOOK_ALLOW_HOSTS;
  else process.env.WEBHOOK_ALLOW_HOSTS = value;
  resetConfigForTests();
}
