import http from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clusterRefusal, createBalancer, listen, type Upstream } from '@/scripts/instances';

/**
 * The balancer of `npm run start:cluster` and the two-instance bench, over real sockets on
 * 127.0.0.1: two tiny upstream servers that say who they are and what they were sent.
 */
type Seen = { name: string; method: string; url: string; host: string; forwardedFor: string; body: string };

const seen: Seen[] = [];
/** Per test: how a request to `/stream` is answered (the test decides when it ends). */
let onStream: ((res: http.ServerResponse, req: http.IncomingMessage) => void) | null = null;

function upstreamServer(name: string): http.Server {
  return http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ name, method: req.method!, url: req.url!, host: req.headers.host!, forwardedFor: String(req.headers['x-forwarded-for']), body: Buffer.concat(chunks).toString() });
      if (req.url === '/stream' && onStream) return onStream(res, req);
      res.writeHead(200, { 'content-type': 'text/plain', 'set-cookie': ['a=1; Path=/', 'b=2; Path=/'] });
      res.end(name);
    });
  });
}

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

function request(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A port nothing listens on: listened on, then closed. */
async function closedPort(): Promise<number> {
  const s = http.createServer();
  const port = await listen(s, 0, '127.0.0.1');
  await new Promise((resolve) => s.close(resolve));
  return port;
}

const servers: http.Server[] = [];
async function balancerOver(upstreams: Upstream[], options?: Parameters<typeof createBalancer>[1]): Promise<number> {
  const balancer = createBalancer(upstreams, options);
  servers.push(balancer);
  return listen(balancer, 0, '127.0.0.1');
}

let a: Upstream;
let b: Upstream;
beforeAll(async () => {
  const [sa, sb] = [upstreamServer('a'), upstreamServer('b')];
  servers.push(sa, sb);
  a = { host: '127.0.0.1', port: await listen(sa, 0, '127.0.0.1') };
  b = { host: '127.0.0.1', port: await listen(sb, 0, '127.0.0.1') };
});
afterEach(() => {
  seen.length = 0;
  onStream = null;
});
afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

describe('the cluster balancer', () => {
  it('takes turns between the instances', async () => {
    const port = await balancerOver([a, b]);
    const answers: string[] = [];
    for (let i = 0; i < 4; i++) answers.push((await request(port, `/n/${i}`)).body);
    expect(answers).toEqual(['a', 'b', 'a', 'b']);
    expect(seen.map((s) => s.url)).toEqual(['/n/0', '/n/1', '/n/2', '/n/3']);
  });

  it('keeps the Host (the tenant is the subdomain), the body and every Set-Cookie', async () => {
    const port = await balancerOver([a, b]);
    const body = JSON.stringify({ lines: [{ quantity: 2 }] });
    const answer = await request(port, '/api/v1/orders?x=1', { method: 'POST', headers: { host: 'demo.localhost:3000', 'content-type': 'application/json' }, body });
    expect(answer.status).toBe(200);
    expect(answer.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect(seen).toEqual([expect.objectContaining({ method: 'POST', url: '/api/v1/orders?x=1', host: 'demo.localhost:3000', body })]);
  });

  it('says who the client is in X-Forwarded-For: its own peer at the edge, the chain behind a trusted proxy', async () => {
    const edge = await balancerOver([a]);
    await request(edge, '/', { headers: { 'x-forwarded-for': '203.0.113.9' } }); // a client's claim, not believed
    const behind = await balancerOver([a], { trustForwardedFor: true });
    await request(behind, '/', { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(seen.map((s) => s.forwardedFor)).toEqual(['127.0.0.1', '203.0.113.9, 127.0.0.1']);
  });

  it('streams a response as it is written (server-sent events arrive before the stream ends)', async () => {
    const port = await balancerOver([a]);
    let finish!: () => void;
    onStream = (res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: first\n\n');
      finish = () => res.end('data: last\n\n');
    };
    const received: string[] = [];
    const status = await new Promise<number>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: '/stream', agent: false }, (res) => {
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            received.push(chunk);
            // The upstream is told to end only once the first event came through the balancer:
            // a balancer that buffered would never get here.
            if (received.length === 1) finish();
          });
          res.on('end', () => resolve(res.statusCode!));
        })
        .on('error', reject);
    });
    expect(status).toBe(200);
    expect(received[0]).toBe('data: first\n\n');
    expect(received.join('')).toBe('data: first\n\ndata: last\n\n');
  });

  it('ends the upstream request when the client goes away (a closed register stream frees its instance)', async () => {
    const port = await balancerOver([a]);
    const upstreamClosed = new Promise<void>((resolve) => {
      onStream = (res, req) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(': open\n\n');
        req.socket.on('close', () => resolve());
      };
    });
    await new Promise<void>((resolve) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/stream', agent: false }, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
    });
    await upstreamClosed;
  });

  it('sends the request to the next instance when one refuses the connection, body and all', async () => {
    const down = { host: '127.0.0.1', port: await closedPort() };
    const port = await balancerOver([down, a]);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await request(port, '/api/v1/orders', { method: 'POST', body: `order ${i}` }));
    expect(answers.map((x) => [x.status, x.body])).toEqual([200, 200, 200, 200].map((s) => [s, 'a']));
    expect(seen.map((s) => s.body)).toEqual(['order 0', 'order 1', 'order 2', 'order 3']);
  });

  it('sends a GET again on a fresh connection when an instance closed the kept-alive one under it, but never a POST', async () => {
    // An instance that closes a connection as its second request arrives: what an idle timeout
    // looks like to a balancer that noticed it too late.
    const served = new WeakMap<object, number>();
    const closing = http.createServer((req, res) => {
      const n = (served.get(req.socket) ?? 0) + 1;
      served.set(req.socket, n);
      if (n > 1) return req.socket.destroy();
      req.resume();
      req.on('end', () => res.end(`${req.method} served`));
    });
    servers.push(closing);
    const errors: string[] = [];
    const port = await balancerOver([{ host: '127.0.0.1', port: await listen(closing, 0, '127.0.0.1') }], { onError: (err) => errors.push(err.code!) });
    expect((await request(port, '/')).body).toBe('GET served'); // opens the connection
    expect((await request(port, '/')).body).toBe('GET served'); // its reuse is cut: sent again, on a new one
    expect(errors).toEqual([]);
    const post = await request(port, '/api/v1/orders', { method: 'POST', body: 'order' }); // may have reached it: not resent
    expect(post.status).toBe(502);
    expect(errors).toEqual(['ECONNRESET']);
  });

  it('answers 502 with the house error body when no instance answers', async () => {
    const port = await balancerOver([
      { host: '127.0.0.1', port: await closedPort() },
      { host: '127.0.0.1', port: await closedPort() },
    ]);
    const answer = await request(port, '/api/health');
    expect(answer.status).toBe(502);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'bad_gateway', message: expect.stringMatching(/no app instance/i) } });
  });
});

describe('npm run start:cluster refuses what cannot be shared between processes', () => {
  const shared = { DATABASE_URL: 'postgres://x@127.0.0.1/db', REDIS_URL: 'redis://127.0.0.1:6379', NEXTAUTH_SECRET: 's'.repeat(40) };

  it('runs on Postgres + Redis with one session secret', () => {
    expect(clusterRefusal(shared)).toBeNull();
  });

  it('refuses the embedded PGlite, the in-process Redis store, the single-instance flag and a missing secret, saying why', () => {
    expect(clusterRefusal({ ...shared, DATABASE_URL: undefined })).toMatch(/DATABASE_URL is not set.*PGlite.*one process/);
    expect(clusterRefusal({ ...shared, REDIS_URL: undefined })).toMatch(/REDIS_URL is not set.*its own memory.*sign-out/);
    expect(clusterRefusal({ ...shared, REDIS_URL: undefined, UPSTASH_REDIS_REST_URL: 'https://r.example' })).toBeNull();
    expect(clusterRefusal({ ...shared, TILLWISE_SINGLE_INSTANCE: 'true' })).toMatch(/only one app process/);
    expect(clusterRefusal({ ...shared, NEXTAUTH_SECRET: undefined })).toMatch(/same secret/);
  });
});
