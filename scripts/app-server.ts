// The app as a production server process (`next start` of a build) and a plain HTTP client for
// it: the one place that starts, awaits and stops one, for the HTTP bench (scripts/bench-http.ts),
// npm run start:cluster (scripts/instances.ts), the reliability suite (tests/faults/) and the
// second instance of the e2e suite (e2e/two-instances.spec.ts).
import { spawn, spawnSync, type ChildProcess, type StdioOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { dirname, join } from 'node:path';
import type { StaffMember } from '../lib/auth';

/** What every `next start` here runs with, whatever else its environment says. */
export const NEXT_START_ENV = { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' } as const;

/** Where a build notes the fingerprint of the sources it was made from. */
const BUILD_STAMP = '.next/tillwise-sources';
/** Files a `next build` does not read: a change to them leaves the build as it was. */
const NOT_BUILT = /^(tests|e2e|docs|bench|\.ci|scripts)\/|\.md$/;

/**
 * The sources a build is made from — every file git tracks or would track, less NOT_BUILT — and
 * the environment it inlines (NEXT_PUBLIC_*, NEXT_OUTPUT; `next build` sets NODE_ENV itself), as one hash. Undefined
 * without git: then every ensureBuild builds.
 */
export function sourceFingerprint(root = process.cwd(), env: Record<string, string | undefined> = process.env): string | undefined {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  if (listed.status !== 0) return undefined;
  const hash = createHash('sha256');
  for (const file of listed.stdout.split('\0').filter((f) => f && !NOT_BUILT.test(f)).sort()) {
    const at = join(root, file);
    if (!existsSync(at)) continue; // deleted, not yet staged
    hash.update(`${file}\0`).update(readFileSync(at)).update('\0');
  }
  const inlined = Object.entries(env).filter(([key]) => key.startsWith('NEXT_PUBLIC_') || key === 'NEXT_OUTPUT');
  return hash.update(JSON.stringify(inlined.sort())).digest('hex');
}

/**
 * `next build` unless .next holds a build of these very sources (or `force`): the e2e suite's
 * second pass, the reliability suite and the bench reuse the first pass's build, ≈ 3 min each on 2 cores.
 */
export function ensureBuild(force = false): void {
  const fingerprint = sourceFingerprint();
  if (!force && fingerprint && existsSync('.next/BUILD_ID') && existsSync(BUILD_STAMP) && readFileSync(BUILD_STAMP, 'utf8') === fingerprint) {
    console.log('next build: .next is a build of these sources already');
    return;
  }
  const result = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) throw new Error('next build failed');
  if (fingerprint) writeFileSync(BUILD_STAMP, fingerprint);
}

/** A file for a child's stdout and stderr (created with its folder), as stdio. */
function logTo(logFile: string): StdioOptions {
  mkdirSync(dirname(logFile), { recursive: true });
  const log = openSync(logFile, 'w');
  return ['ignore', log, log];
}

/** A child process whose output goes to `logFile`; `env` on top of this process's. */
export function startLogged(logFile: string, command: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(command, args, { env: { ...process.env, ...env }, stdio: logTo(logFile) });
}

export type AppServerOptions = {
  port: number;
  /** The app's settings (database, Redis, gateway, secrets), on top of this process's environment. */
  env: Record<string, string | undefined>;
  /** Where stdout and stderr go: a log file, or else `stdio` (default: this process's). */
  logFile?: string;
  stdio?: StdioOptions;
  /** Flags for node itself: NODE_OPTIONS refuses some, e.g. --cpu-prof. */
  nodeFlags?: string[];
};

/**
 * `next start -p <port>` of the build in .next, in production mode. No `-H 127.0.0.1`: with a
 * hostname set, next start mis-routes the proxy's rewrites and every tenant page answers 404
 * (docs/scaling.md).
 */
export function startAppServer({ port, env, logFile, stdio = 'inherit', nodeFlags = [] }: AppServerOptions): ChildProcess {
  return spawn(process.execPath, [...nodeFlags, 'node_modules/next/dist/bin/next', 'start', '-p', String(port)], {
    env: { ...process.env, ...env, PORT: String(port), ...NEXT_START_ENV },
    stdio: logFile ? logTo(logFile) : stdio,
  });
}

/** Sends `signal` (SIGTERM: a clean stop; SIGKILL: a crash) and waits for the exit. */
export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

export type HttpAnswer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/**
 * One request to 127.0.0.1:`port` over node:http (fetch can neither send a Host header nor
 * resolve *.localhost). `timeoutMs` bounds the whole exchange: past it the request is
 * destroyed and the promise rejects with `code: 'TIMEOUT'`.
 */
export function httpRequest(
  port: number,
  { method = 'GET', path, headers = {}, body, rawBody, timeoutMs }: { method?: string; path: string; headers?: Record<string, string>; body?: unknown; rawBody?: string; timeoutMs?: number },
): Promise<HttpAnswer> {
  // `body` goes as JSON; `rawBody` as given (with its own content-type header).
  const payload = rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path, agent: false, headers: { ...(payload !== undefined && { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) }), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() });
        });
        res.on('error', reject);
      },
    );
    const timer = timeoutMs
      ? setTimeout(() => req.destroy(Object.assign(new Error(`${method} ${path}: no answer within ${timeoutMs} ms`), { code: 'TIMEOUT' })), timeoutMs)
      : undefined;
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.end(payload);
  });
}

/** Polls GET /api/health until it answers 200; rejects if `child` exits first, or after `seconds`. */
export async function waitForHealth(port: number, child?: ChildProcess, seconds = 120): Promise<void> {
  for (let i = 0; i < seconds * 2; i++) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) throw new Error(`the server on port ${port} exited during start-up (${child.exitCode ?? child.signalCode})`);
    const answer = await httpRequest(port, { path: '/api/health', timeoutMs: 5000 }).catch(() => null);
    if (answer?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server on port ${port} did not answer /api/health in ${seconds} s`);
}

/** A session cookie for `user` of `tenantId`, signed with the server's NEXTAUTH_SECRET `secret`. */
export async function sessionCookie(secret: string, tenantId: string, user: StaffMember): Promise<string> {
  const { encode } = await import('next-auth/jwt');
  const { newSessionClaims, SESSION_COOKIE, sessionMaxAgeSeconds } = await import('../lib/auth/session');
  const token = await encode({ token: { ...newSessionClaims({ ...user, tenantId }) }, secret, maxAge: sessionMaxAgeSeconds() });
  return `${SESSION_COOKIE}=${token}`;
}
