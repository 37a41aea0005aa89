import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../test/support/child-api';

export const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
export const CLI = join(ROOT, 'dist', 'apps', 'cli', 'src', 'main.js');
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
/** USER_HZ: /proc reports CPU time in these; 100 on every Linux Node runs on. */
const CLOCK_TICKS = 100;

/** `npm run build`: the API and the CLI as they ship (dist/). */
export function build(): void {
  const result = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status})`);
}

export interface Stopped {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** From SIGTERM to the exit of the process. */
  ms: number;
}

/**
 * The built API as a child process with the production defaults (durability
 * full, log level info: its JSON lines go to a file, as they would to a log
 * collector) and only the rate limit turned off.
 */
export class BenchServer {
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private rssPeak = 0;
  private sampler?: NodeJS.Timeout;

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly logFile: string,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  static async start(dataDir: string, jwtSecret: string): Promise<BenchServer> {
    const port = await freePort();
    const logFile = join(dataDir, 'api.log');
    const log = openSync(logFile, 'a');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      SAGSGANG_DATA: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      SAGSGANG_JWT_SECRET: jwtSecret,
      SAGSGANG_RATE_LIMIT: '0',
    };
    // The defaults are what is measured, whatever the calling shell has set.
    for (const name of [
      'SAGSGANG_DURABILITY',
      'SAGSGANG_LOG_LEVEL',
      'EVENTSTORE_CONNECTION_STRING',
      'SAGSGANG_PROCESS_MANAGERS',
      'SAGSGANG_WORKFLOWS',
    ])
      delete env[name];
    const child = spawn(process.execPath, [...(process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? []), MAIN], {
      cwd: dataDir,
      env,
      stdio: ['ignore', log, log],
    });
    const server = new BenchServer(child, `http://127.0.0.1:${port}`, logFile);
    await server.ready();
    return server;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Resident set size of the API process now, in bytes (Linux /proc). */
  rss(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kib = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0);
    return kib * 1024;
  }

  /** CPU seconds (user + system, all threads) the API process has used so far (Linux /proc). */
  cpuSeconds(): number {
    const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  }

  /** Samples the RSS every 250 ms from now on, for its peak. */
  sampleRss(): void {
    this.sampler ??= setInterval(() => {
      try {
        this.rssPeak = Math.max(this.rssPeak, this.rss());
      } catch {
        // the process is gone
      }
    }, 250);
  }

  get peakRss(): number {
    return this.rssPeak;
  }

  /** Ends the process at once, if it still runs (the benchmark itself failed). */
  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }

  /** SIGTERM, and how the process ended. */
  async stop(): Promise<Stopped> {
    if (this.sampler) clearInterval(this.sampler);
    const started = Date.now();
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    const { code, signal } = await this.exited;
    clearTimeout(timer);
    return { code, signal, ms: Date.now() - started };
  }

  private async ready(): Promise<void> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`the API exited at start-up:\n${readFileSync(this.logFile, 'utf8')}`);
      try {
        if ((await fetch(`${this.url}/health/ready`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    this.child.kill('SIGKILL');
    throw new Error(`the API did not become ready within ${START_TIMEOUT_MS} ms`);
  }
}
