/**
 * Runs the payment gateway simulator on its own: `npm run gateway` (tsx gateway/main.ts).
 *
 *   GATEWAY_PORT or PORT   port to listen on (default 4010; GATEWAY_PORT wins over PORT)
 *   GATEWAY_API_KEY        the API key clients must send as a Bearer token (default sk_test_tillwise)
 *   GATEWAY_HOST           address to listen on (default 127.0.0.1; compose.yaml sets 0.0.0.0 so
 *                          the app containers reach it on the compose network only)
 *
 * Listens on 127.0.0.1 unless told otherwise, logs one JSON line per request to stdout and stops cleanly on
 * SIGINT/SIGTERM.
 */
import { createGateway, DEFAULT_API_KEY } from './server';

function portFromEnv(): number {
  const raw = process.env.GATEWAY_PORT || process.env.PORT || '4010';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(JSON.stringify({ level: 'error', msg: `invalid port ${JSON.stringify(raw)}` }));
    process.exit(1);
  }
  return port;
}

async function main() {
  const port = portFromEnv();
  const gateway = createGateway({ apiKey: process.env.GATEWAY_API_KEY || DEFAULT_API_KEY });

  gateway.server.on('request', (req, res) => {
    const started = process.hrtime.bigint();
    res.on('close', () => {
      const line: Record<string, unknown> = {
        time: new Date().toISOString(),
        method: req.method,
        path: req.url,
        status: res.headersSent ? res.statusCode : null,
        ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
        requestId: res.getHeader('request-id'),
      };
      const key = req.headers['idempotency-key'];
      if (typeof key === 'string') line.idempotencyKey = key;
      if (res.getHeader('idempotent-replayed')) line.replayed = true;
      if (!res.writableFinished) line.aborted = true;
      process.stdout.write(`${JSON.stringify(line)}\n`);
    });
  });

  const url = await gateway.listen(port, process.env.GATEWAY_HOST || '127.0.0.1');
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), msg: 'payment gateway simulator listening', url })}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), msg: 'stopping', signal })}\n`);
    gateway.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(JSON.stringify({ level: 'error', msg: err instanceof Error ? err.message : String(err) }));
  process.exit(1);
});
