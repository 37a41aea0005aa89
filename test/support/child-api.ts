import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { issueToken } from '@sagsgang/auth';
import { Role } from '@sagsgang/kernel';
import type { Klient } from './moeder';

const MAIN = [process.execPath, '-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'];
export const CHILD_JWT_SECRET = 'en-hemmelighed-kun-til-crash-testen-0123456789';
const START_TIMEOUT_MS = 30_000;

/** A port nobody listens on right now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The API as its own process (`node … apps/api/src/main.ts`), so it can really be killed. */
/** How the child process ended: its exit code, or the signal that killed it. */
export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class ChildApi implements Klient {
  private readonly exited: Promise<ChildExit>;
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    child.stdout?.on('data', (chunk) => (this.output += chunk));
    child.stderr?.on('data', (chunk) => (this.output += chunk));
  }

  /** Starts the API on a free port with this data folder and waits until /health answers. */
  static async start(dataDir: string, env: Record<string, string> = {}): Promise<ChildApi> {
    const port = await freePort();
    const child = spawn(MAIN[0], MAIN.slice(1), {
      // Rate limit off and only warnings and errors in the log unless `env` says otherwise.
      env: {
        ...process.env,
        SAGSGANG_DATA: dataDir,
        HOST: '127.0.0.1',
        PORT: String(port),
        SAGSGANG_JWT_SECRET: CHILD_JWT_SECRET,
        SAGSGANG_RATE_LIMIT: '0',
        SAGSGANG_LOG_LEVEL: 'warn',
        ...env,
      },
      cwd: join(__dirname, '..', '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const api = new ChildApi(child, `http://127.0.0.1:${port}`);
    await api.ready();
    return api;
  }

  token(role: Role, userId = `${role}-1`): { Authorization: string } {
    return { Authorization: `Bearer ${issueToken(CHILD_JWT_SECRET, { userId, role })}` };
  }

  /** SIGKILL: no shutdown hook runs. SIGTERM: the app closes cleanly (and exits 0). */
  async stop(signal: 'SIGKILL' | 'SIGTERM'): Promise<ChildExit> {
    this.signal(signal);
    return this.exited;
  }

  /** Sends the signal without waiting; `exit` tells how the process ended. */
  signal(signal: 'SIGKILL' | 'SIGTERM'): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
  }

  get exit(): Promise<ChildExit> {
    return this.exited;
  }

  /** The API process's id (node itself, no wrapper), e.g. to read its memory in /proc. */
  get pid(): number {
    return this.child.pid!;
  }

  /** What the process wrote to stdout and stderr so far. */
  get log(): string {
    return this.output;
  }

  private async ready(): Promise<void> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`the API exited at start-up:\n${this.output}`);
      try {
        if ((await fetch(`${this.url}/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await this.stop('SIGKILL');
    throw new Error(`the API did not answer within ${START_TIMEOUT_MS} ms:\n${this.output}`);
  }
}
