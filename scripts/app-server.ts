// The app as a production server process (`next start` of a build) and a plain HTTP client for
// it: shared by the HTTP bench (scripts/bench-http.ts) and the reliability suite (tests/faults/).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync } from 'node:fs';
import http from 'node:http';
import { dirname } from 'node:path';
import type { StaffMember } from '../lib/auth';

/** `next build` unless a build is there already (or `force`). */
export function ensureBuild(force = false): void {
  if (!force && existsSync('.next/BUILD_ID')) return;
  const result = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) throw new Error('next build failed');
}

/** A child process whose output goes to `logFile` (created with its folder). */
export function startLogged(logFile: string, command: string, args: string[], env: Record<string, string>): ChildProcess {
  mkdirSync(dirname(logFile), { recursive: true });
  const log = openSync(logFile, 'w');
  return spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', log, log] });
}

/**
 * `next start -p <port>` of the build in .next, in production mode; `env` adds the app's
 * settings (database, Redis, gateway, secrets). `nodeFlags` go to node itself (NODE_OPTIONS
 * refuses some, e.g. --cpu-prof).
 */
export function startAppServer({ port, env, logFile, nodeFlags = [] }: { port: number; env: Record<string, string>; logFile: string; nodeFlags?: string[] }): ChildProcess {
  // No `-H 127.0.0.1`: with a hostname set, next start mis-routes the proxy's rewrites and every page answers 404.
  return startLogged(logFile, process.execPath, [...nodeFlags, 'node_modules/next/dist/bin/next', 'start', '-p', String(port)], {
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    LOG_LEVEL: 'warn',
    ...env,
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

/** Polls GET /api/health until it answers 200 (`seconds` at most). */
export async function waitForHealth(port: number, seconds = 120, child?: ChildProcess): Promise<void> {
  for (let i = 0; i < seconds * 2; i++) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) throw new Error(`the server on port ${port} exited (${child.exitCode ?? child.signalCode})`);
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
