// npm run demo — one command from a fresh clone to a running Tillwise on embedded defaults:
// migrate + seed the PGlite database and build (side by side), start, print where to go and who to sign in as.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const dataDir = path.join(root, '.data');
const port = Number(process.env.PORT ?? 3000);
const gatewayPort = Number(process.env.GATEWAY_PORT ?? 4010);
const rootDomain = process.env.ROOT_DOMAIN ?? `localhost:${port}`;

/** A session secret generated once per checkout, so demo sign-ins survive restarts. */
function demoSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(dataDir, 'auth-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(command, args, { stdio: 'inherit', env });
}

function finished(child: ChildProcess, what: string): Promise<void> {
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${what} exited with code ${code}`)))),
  );
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error('the server stopped during start-up');
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not answer ${url}`);
}

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXTAUTH_SECRET: demoSecret(),
    // A production build, but the demo: one process, no Redis needed, the simulator's test key.
    TILLWISE_DEMO: 'true',
    ROOT_DOMAIN: rootDomain,
    PORT: String(port),
    PAYMENT_GATEWAY_URL: process.env.PAYMENT_GATEWAY_URL ?? `http://127.0.0.1:${gatewayPort}`,
    NEXT_TELEMETRY_DISABLED: '1',
  };

  // Neither needs the other (the build opens no database), so they run side by side.
  console.log('\n▸ Preparing the database (migrations + demo data) and building the app…');
  const seeding = run('npx', ['tsx', '--tsconfig', 'tsconfig.scripts.json', 'scripts/seed.ts'], env);
  const building = run('npx', ['next', 'build'], { ...env, NODE_ENV: 'production' });
  await Promise.all([finished(seeding, 'seeding'), finished(building, 'next build')]).catch((err: unknown) => {
    for (const child of [seeding, building]) if (child.exitCode === null) child.kill('SIGTERM');
    throw err;
  });

  console.log('\n▸ Starting the card gateway simulator and the app…');
  // The bundled card gateway (gateway/): card payments at the register go through it.
  const gateway = process.env.PAYMENT_GATEWAY_URL ? null : run('npx', ['tsx', 'gateway/main.ts'], { ...env, GATEWAY_PORT: String(gatewayPort) });
  const server = run('npx', ['next', 'start', '-p', String(port)], { ...env, NODE_ENV: 'production' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      server.kill(signal);
      gateway?.kill(signal);
    });
  }
  server.on('exit', () => gateway?.kill('SIGTERM'));
  await waitForHealth(`http://127.0.0.1:${port}/api/health`, server);

  const { DEMO_PASSWORD, DEMO_STAFF, DEMO_TENANTS } = await import('./seed/seed');
  const lines = [
    '',
    'Tillwise is running.',
    '',
    `  Landing and sign-up   http://${rootDomain}`,
    `  Card gateway          ${env.PAYMENT_GATEWAY_URL} (simulator; test cards in gateway/README.md)`,
    env.SMTP_URL
      ? `  Receipt emails        sent through ${new URL(env.SMTP_URL).host} (SMTP_URL)`
      : '  Receipt emails        SMTP_URL is not set: each "Email receipt" is written to this log (recipient, subject) instead of being sent',
    ...DEMO_TENANTS.flatMap((t) => [
      '',
      `  ${t.businessName} (${t.kind}, ${t.currency})   http://${t.slug}.${rootDomain}`,
      ...DEMO_STAFF.map((s) => `    ${s.role.padEnd(8)} ${`${s.role}@${t.domain}`.padEnd(20)} password ${DEMO_PASSWORD}   PIN ${s.pin}`),
    ]),
    '',
    '  *.localhost resolves to this machine in browsers and curl. Press Ctrl+C to stop.',
    '',
  ];
  console.log(lines.join('\n'));
  await finished(server, 'next start').catch(() => {});
}

main().catch((err) => {
  console.error(`\nDemo failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
