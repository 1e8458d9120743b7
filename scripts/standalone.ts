// npm run start:standalone — what the Docker image does, without Docker: build Next's standalone
// server (NEXT_OUTPUT=standalone, into .next-standalone so the .next of `next start` is left
// alone), put beside server.js what it serves from disk, migrate + seed as `npm run demo` does,
// and run `node server.js` with HOSTNAME and PORT.
//
//   --skip-build   reuse the last standalone build        --no-seed   migrate only, no demo data
//   `assemble`     only copy the static files into place (the Dockerfile's build stage runs this)
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const DIST_DIR = '.next-standalone';
const standaloneDir = path.join(root, DIST_DIR, 'standalone');
const args = new Set(process.argv.slice(2));

/**
 * Copies what `next build` leaves out of the standalone folder (Next's docs: the client assets
 * and public/ are for a CDN), then checks the files the server loads at run time are there —
 * file tracing follows imports, not paths read with fs, and a miss only shows at first use.
 */
function assemble(): void {
  if (!existsSync(path.join(standaloneDir, 'server.js'))) throw new Error(`${standaloneDir}/server.js is missing: run the standalone build first`);
  cpSync(path.join(root, DIST_DIR, 'static'), path.join(standaloneDir, DIST_DIR, 'static'), { recursive: true });
  if (existsSync(path.join(root, 'public'))) cpSync(path.join(root, 'public'), path.join(standaloneDir, 'public'), { recursive: true });
  const required = [
    'db/policies.sql', // db/migrate.ts, through outputFileTracingIncludes
    'db/migrations/meta/_journal.json',
    'node_modules/@electric-sql/pglite/dist/pglite.wasm', // the embedded database without DATABASE_URL
    'node_modules/@electric-sql/pglite/dist/pglite.data',
  ];
  const missing = required.filter((file) => !existsSync(path.join(standaloneDir, file)));
  // argon2's native binding is a per-platform package (@node-rs/argon2-linux-x64-gnu, …).
  const nodeRs = path.join(standaloneDir, 'node_modules/@node-rs');
  if (!existsSync(nodeRs) || !readdirSync(nodeRs).some((name) => name.startsWith('argon2-'))) missing.push('node_modules/@node-rs/argon2-<platform>');
  if (missing.length > 0) throw new Error(`the standalone build lacks files the server needs at run time:\n  ${missing.join('\n  ')}`);
  console.log(`Standalone server assembled in ${path.relative(root, standaloneDir)}.`);
}

/** The session secret `npm run demo` keeps in .data, so a sign-in survives either start. */
function demoSecret(dataDir: string): string {
  const file = path.join(dataDir, 'auth-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

function finished(child: ChildProcess, what: string): Promise<void> {
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${what} exited with code ${code}`)))),
  );
}

const run = (command: string, argv: string[], env: NodeJS.ProcessEnv, cwd = root) => spawn(command, argv, { stdio: 'inherit', env, cwd });

async function start(): Promise<void> {
  const dataDir = path.join(root, '.data');
  mkdirSync(dataDir, { recursive: true });
  const port = process.env.PORT ?? '3000';
  const gatewayPort = process.env.GATEWAY_PORT ?? '4010';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_OUTPUT: 'standalone',
    NEXT_TELEMETRY_DISABLED: '1',
    // Like the demo unless told otherwise: one process, no Redis, the simulator's test key.
    TILLWISE_DEMO: process.env.TILLWISE_DEMO ?? 'true',
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? demoSecret(dataDir),
    ROOT_DOMAIN: process.env.ROOT_DOMAIN ?? `localhost:${port}`,
    PAYMENT_GATEWAY_URL: process.env.PAYMENT_GATEWAY_URL ?? `http://127.0.0.1:${gatewayPort}`,
    // server.js changes into its own folder: a relative data directory would move with it.
    PGLITE_DIR: path.resolve(root, process.env.PGLITE_DIR ?? '.data/pglite'),
  };

  if (!args.has('--skip-build')) await finished(run('npx', ['next', 'build'], env), 'next build');
  assemble();
  // The seed migrates first; the server migrates again at start (a no-op then), as every instance does.
  const prepare = args.has('--no-seed') ? 'scripts/migrate.ts' : 'scripts/seed.ts';
  await finished(run('npx', ['tsx', '--tsconfig', 'tsconfig.scripts.json', prepare], env), prepare);

  // Plain node processes (not npx), so a signal reaches the server itself, not a wrapper.
  const gateway = process.env.PAYMENT_GATEWAY_URL ? null : run(process.execPath, ['--import', 'tsx', 'gateway/main.ts'], { ...env, GATEWAY_PORT: gatewayPort });
  // `localhost`, not the shell's HOSTNAME (a machine name) nor 127.0.0.1: with any other name
  // Next's standalone server takes proxy.ts's rewrite to /t/<slug>/… for an external URL and runs
  // the proxy again on it, which answers 404 (docs/scaling.md, "Containers"). The image uses 0.0.0.0.
  const server = run(process.execPath, ['server.js'], { ...env, HOSTNAME: 'localhost', PORT: port }, standaloneDir);
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      stopping = true;
      server.kill(signal);
      gateway?.kill(signal);
    });
  server.on('exit', () => gateway?.kill('SIGTERM'));
  console.log(`\nTillwise (standalone) starting on http://${env.ROOT_DOMAIN} — tenants on http://<slug>.${env.ROOT_DOMAIN}`);
  await finished(server, 'node server.js').catch((err) => {
    if (!stopping) throw err;
  });
}

const main = args.has('assemble') ? async () => assemble() : start;
main().catch((err) => {
  console.error(`\nstart:standalone failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
