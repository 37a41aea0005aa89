/** What a measurement records, and the helpers that keep a run honest (no hangs, errors counted). */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface Measurement {
  events: number;
  seconds: number;
  errors: number;
  firstError?: string;
  note?: string;
  /** CPU time of the whole process (every thread) per event, in µs. */
  cpuMicrosPerEvent?: number;
  /** Bytes the process wrote to the disk per event (/proc/self/io write_bytes). */
  bytesPerEvent?: number;
}

/** Wall time, CPU time and bytes written to the disk, from construction on. */
export class Meter {
  private readonly wall = performance.now();
  private readonly cpu = process.cpuUsage();
  private readonly written = bytesWritten();

  read(events: number): Pick<Measurement, 'seconds' | 'cpuMicrosPerEvent' | 'bytesPerEvent'> {
    const seconds = (performance.now() - this.wall) / 1000;
    const cpu = process.cpuUsage(this.cpu);
    const per = (value: number) => (events > 0 ? value / events : undefined);
    return { seconds, cpuMicrosPerEvent: per(cpu.user + cpu.system), bytesPerEvent: per(bytesWritten() - this.written) };
  }
}

function bytesWritten(): number {
  try {
    const line = readFileSync('/proc/self/io', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('write_bytes:'));
    return line ? Number(line.split(':')[1]) : 0;
  } catch {
    return 0;
  }
}

export const rate = (m: Measurement): number => (m.seconds > 0 ? m.events / m.seconds : 0);

/** How long a run may overrun its own limit before its calls count as wedged. */
export const GRACE_MS = 15_000;

/**
 * No call may hang the run: each races one rejection per run (a wedged store
 * counts errors instead), so the clock does not pay for a timer per call.
 */
export class Watchdog {
  private timer: NodeJS.Timeout;
  readonly expired: Promise<never>;

  constructor(limitMs: number) {
    let expire!: (error: Error) => void;
    this.expired = new Promise<never>((_, reject) => (expire = reject));
    this.expired.catch(() => undefined);
    this.timer = setTimeout(() => expire(new Error(`no answer within ${(limitMs / 1000).toFixed(0)} s`)), limitMs);
  }

  bound<T>(call: Promise<T>): Promise<T> {
    return Promise.race([call, this.expired]);
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}

/** Counts the errors of a run and keeps the first message. */
export class ErrorLog {
  count = 0;
  first?: string;

  add(error: unknown): void {
    this.count++;
    this.first ??= error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 160) : String(error);
  }
}
