/**
 * The suite's own PostgreSQL 15 and Redis, on ports and in folders of their own, so a scenario
 * can stop and restart them without touching the machine's shared servers (or another run's).
 * Postgres: initdb + pg_ctl from Debian's 15 binaries; initdb refuses root, so every pg_ctl
 * call runs as the `postgres` user through runuser when we are root.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { userInfo } from 'node:os';

const PG_BIN = process.env.FAULTS_PG_BIN ?? '/usr/lib/postgresql/15/bin';

function asPostgres(command: string, args: string[]): void {
  const root = userInfo().uid === 0;
  const result = root
    ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' })
    : spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
}

/** Whether something accepts TCP connections on 127.0.0.1:`port`. */
export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export type PrivatePostgres = {
  port: number;
  /** Superuser URL of database `name` (trust authentication, loopback only). */
  url(name?: string): string;
  start(): void;
  /** `fast`: rolls back open transactions and closes every connection, as a crash or failover would. */
  stop(mode?: 'fast' | 'immediate'): void;
  destroy(): void;
};

export function privatePostgres(port: number, dir = `/tmp/tillwise-faults-pg-${port}`): PrivatePostgres {
  const data = `${dir}/data`;
  const ctl = (...args: string[]) => asPostgres(`${PG_BIN}/pg_ctl`, ['-D', data, ...args]);
  const stopQuietly = () => {
    if (existsSync(`${data}/postmaster.pid`)) {
      try {
        ctl('stop', '-m', 'immediate', '-w');
      } catch {
        // not running after all
      }
    }
  };
  stopQuietly(); // left over from an interrupted run
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (userInfo().uid === 0) {
    const pg = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(dir, Number(pg.stdout.trim()), Number(gid.stdout.trim()));
  }
  asPostgres(`${PG_BIN}/initdb`, ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=on -c full_page_writes=off -c max_connections=200`;
  return {
    port,
    url: (name = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${name}`,
    start: () => ctl('start', '-w', '-t', '60', '-l', `${dir}/server.log`, '-o', options),
    stop: (mode = 'fast') => ctl('stop', '-m', mode, '-w', '-t', '60'),
    destroy() {
      stopQuietly();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type PrivateRedis = { port: number; url: string; start(): Promise<void>; stop(): Promise<void> };

/** redis-server on `port`, nothing saved to disk: a stop loses everything, as an unpersisted Redis does. */
export function privateRedis(port: number): PrivateRedis {
  let child: ChildProcess | undefined;
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
      for (let i = 0; i < 100 && !(await listening(port)); i++) await new Promise((r) => setTimeout(r, 100));
      if (!(await listening(port))) throw new Error(`redis-server did not listen on ${port}`);
    },
    async stop() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGKILL'); // gone at once, as a crashed or unreachable Redis is
      await exited;
    },
  };
}
