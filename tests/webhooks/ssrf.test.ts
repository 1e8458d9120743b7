import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resetConfigForTests } from '@/lib/platform/config';
import { blockedRange, resolveTarget, type Resolver } from '@/lib/webhooks';
import { postWebhook, RESPONSE_BODY_LIMIT } from '@/lib/webhooks/send';
import { allowHosts, startReceiver } from './receiver';

/**
 * The SSRF guard (docs/security.md › Webhooks and SSRF): internal addresses refused after DNS
 * resolution unless WEBHOOK_ALLOW_HOSTS names the host, the connection pinned to the checked address,
 * no redirect followed, a short timeout, the answer's body cut.
 */
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterEach(() => allowHosts(undefined));
afterAll(() => receiver.close());

const resolvingTo = (address: string): Resolver => async () => [{ address, family: address.includes(':') ? 6 : 4 }];

describe('which addresses are internal', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['10.1.2.3', 'a private address'],
    ['172.16.0.1', 'a private address'],
    ['172.31.255.255', 'a private address'],
    ['192.168.1.1', 'a private address'],
    ['169.254.169.254', 'the cloud metadata address'],
    ['169.254.10.1', 'link-local'],
    ['0.0.0.0', 'unspecified ("this network")'],
    ['100.64.0.1', 'carrier-grade NAT (shared address space)'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved or broadcast'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fc00::1', 'a private (unique local) address'],
    ['fd12:3456::1', 'a private (unique local) address'],
    ['fd00:ec2::254', 'the cloud metadata address'],
    ['fe80::1%eth0', 'link-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'a private address'],
    ['::ffff:169.254.169.254', 'the cloud metadata address'],
    ['64:ff9b::a00:1', 'a private address'],
    ['2002:7f00:1::', 'loopback'],
  ])('%s is %s', (address, why) => {
    expect(blockedRange(address)).toBe(why);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])('%s is public', (address) => {
    expect(blockedRange(address)).toBeUndefined();
  });
});

describe('resolveTarget', () => {
  it.each(['ftp://example.com/', 'file:///etc/passwd', 'http://user:pw@example.com/', 'not a url'])('refuses %s', async (url) => {
    await expect(resolveTarget(url, resolvingTo('93.184.216.34'))).rejects.toThrow(/refused/);
  });

  it('refuses a host name that resolves to an internal address, and any name with one internal address among several', async () => {
    await expect(resolveTarget('https://hooks.example.com/x', resolvingTo('127.0.0.1'))).rejects.toThrow('refused: hooks.example.com is loopback (127.0.0.1)');
    const mixed: Resolver = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ];
    await expect(resolveTarget('https://hooks.example.com/x', mixed)).rejects.toThrow(/private/);
  });

  it('resolves a real name (localhost) and refuses it without the allow-list, allows it with', async () => {
    await expect(resolveTarget('http://localhost:9/x')).rejects.toThrow(/loopback/);
    allowHosts('localhost:9');
    expect((await resolveTarget('http://localhost:9/x')).address).toMatch(/^(127\.0\.0\.1|::1)$/);
    // The port is part of the entry: another port of the same host is still refused.
    await expect(resolveTarget('http://localhost:10/x')).rejects.toThrow(/loopback/);
  });

  it('an entry without a port allows every port of the host; IPv6 entries in brackets', async () => {
    allowHosts('127.0.0.1, [::1]:8080');
    expect((await resolveTarget('http://127.0.0.1:1234/')).address).toBe('127.0.0.1');
    expect((await resolveTarget('http://[::1]:8080/')).address).toBe('::1');
    await expect(resolveTarget('http://[::1]:8081/')).rejects.toThrow(/loopback/);
  });
});

describe('postWebhook', () => {
  it.each([
    ['127.0.0.1', (port: number) => `http://127.0.0.1:${port}/hook`],
    ['10.x', () => 'http://10.0.0.1/hook'],
    ['the metadata address', () => 'http://169.254.169.254/latest/meta-data/'],
  ])('refuses %s without the allow-list, before connecting', async (_, url) => {
    const before = receiver.received.length;
    const result = await postWebhook(url(receiver.port), '{}', {});
    expect(result).toMatchObject({ status: null, succeeded: false });
    expect(result.error).toMatch(/^refused: /);
    expect(receiver.received.length).toBe(before);
  });

  it('sends to 127.0.0.1 when the allow-list names it', async () => {
    allowHosts(`127.0.0.1:${receiver.port}`);
    const result = await postWebhook(receiver.url(), '{"a":1}', { 'tillwise-event-id': 'e1' });
    expect(result).toMatchObject({ status: 200, body: 'ok', succeeded: true, error: null });
    expect(receiver.received.at(-1)).toMatchObject({ method: 'POST', url: '/hook', body: '{"a":1}' });
    expect(receiver.received.at(-1)!.headers['tillwise-event-id']).toBe('e1');
  });

  it('a host name resolving to 127.0.0.1 is refused without the allow-list; with it, the request goes to the address resolved and checked', async () => {
    const url = `http://hooks.example.test:${receiver.port}/pinned`;
    const refused = await postWebhook(url, '{}', {}, resolvingTo('127.0.0.1'));
    expect(refused.error).toBe('refused: hooks.example.test is loopback (127.0.0.1)');
    allowHosts('hooks.example.test');
    // hooks.example.test exists in no DNS: the request can only have reached the receiver through the pinned address.
    const sent = await postWebhook(url, '{}', {}, resolvingTo('127.0.0.1'));
    expect(sent).toMatchObject({ status: 200, succeeded: true });
    expect(receiver.received.at(-1)!.headers.host).toBe(`hooks.example.test:${receiver.port}`);
  });

  it('does not follow a redirect: one request, and the attempt fails saying so', async () => {
    allowHosts(`127.0.0.1:${receiver.port}`);
    receiver.answer((req) => (req.url === '/moved' ? { status: 302, headers: { location: receiver.url('/elsewhere') } } : { status: 200 }));
    const before = receiver.received.length;
    const result = await postWebhook(receiver.url('/moved'), '{}', {});
    expect(result).toMatchObject({ status: 302, succeeded: false });
    expect(result.error).toMatch(/^redirect not followed/);
    expect(receiver.received.slice(before).map((r) => r.url)).toEqual(['/moved']);
    receiver.answer(() => ({ status: 200, body: 'ok' }));
  });

  it('keeps only the first few KB of an answer', async () => {
    allowHosts(`127.0.0.1:${receiver.port}`);
    receiver.answer(() => ({ status: 500, body: 'x'.repeat(200_000) }));
    const result = await postWebhook(receiver.url(), '{}', {});
    expect(result).toMatchObject({ status: 500, succeeded: false });
    expect(result.body!.length).toBe(RESPONSE_BODY_LIMIT);
    receiver.answer(() => ({ status: 200, body: 'ok' }));
  });

  it('gives up on an endpoint that takes the request and never finishes its answer (WEBHOOK_RESPONSE_TIMEOUT_MS)', async () => {
    // A receiver that sends its headers and then nothing: only the overall timeout can end the attempt.
    const stalled = createServer((req, res) => {
      req.resume();
      res.writeHead(200);
      res.write('partial');
    });
    await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
    const port = (stalled.address() as AddressInfo).port;
    allowHosts(`127.0.0.1:${port}`);
    process.env.WEBHOOK_RESPONSE_TIMEOUT_MS = '200';
    resetConfigForTests();
    try {
      const result = await postWebhook(`http://127.0.0.1:${port}/slow`, '{}', {});
      expect(result).toMatchObject({ status: null, succeeded: false, error: 'timeout: no full answer within 200 ms' });
    } finally {
      delete process.env.WEBHOOK_RESPONSE_TIMEOUT_MS;
      resetConfigForTests();
      stalled.closeAllConnections();
      await new Promise<void>((resolve) => stalled.close(() => resolve()));
    }
  });

  it('a connection refused is a failed attempt with the socket error, not a throw', async () => {
    const closed = await startReceiver();
    await closed.close();
    allowHosts(`127.0.0.1:${closed.port}`);
    const result = await postWebhook(closed.url(), '{}', {});
    expect(result).toMatchObject({ status: null, succeeded: false, error: 'ECONNREFUSED' });
  });
});
