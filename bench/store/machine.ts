import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, fsyncSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  /** 4 KiB write + fsync pairs per second on the disk holding the data files, before and after the run. */
  fsyncPerSecond: number;
  fsyncPerSecondAfter?: number;
  /** 1-minute load average before and after: other work on the machine shows here. */
  loadBefore: number;
  loadAfter?: number;
}

export function describeMachine(dataFolder: string): Machine {
  return {
    cpuModel: cpuModel(),
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    fsyncPerSecond: fsyncRate(dataFolder, 2000),
    loadBefore: loadavg()[0],
  };
}

/** Measures the disk and the load again at the end of the run. */
export function remeasure(machine: Machine, dataFolder: string): void {
  machine.fsyncPerSecondAfter = fsyncRate(dataFolder, 2000);
  machine.loadAfter = loadavg()[0];
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) return line.split(':')[1].trim();
  } catch {
    // not Linux: fall back to what Node reports
  }
  return cpus()[0]?.model ?? 'unknown';
}

/** The disk's raw commit rate, the ceiling for one writer that fsyncs every commit. */
function fsyncRate(folder: string, durationMs: number): number {
  const file = join(folder, 'fsync-probe.tmp');
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(4096, 0x61);
  let count = 0;
  const started = performance.now();
  try {
    while (performance.now() - started < durationMs) {
      writeSync(fd, block, 0, block.length, (count % 256) * block.length);
      fsyncSync(fd);
      count++;
    }
  } finally {
    closeSync(fd);
    rmSync(file, { force: true });
  }
  return count / ((performance.now() - started) / 1000);
}

/** Busy loops in child processes, one per core, until stopped. */
export class CpuLoad {
  private readonly children: ChildProcess[] = [];
  private readonly stopOnExit = () => this.stop();

  start(): this {
    for (let i = 0; i < cpus().length; i++) {
      this.children.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
    }
    process.once('exit', this.stopOnExit);
    return this;
  }

  /** Waits until the children run, so the measurement starts under load. */
  async ready(): Promise<void> {
    await Promise.all(this.children.map((child) => new Promise((resolve) => child.once('spawn', resolve))));
    await new Promise((resolve) => setTimeout(resolve, 300));
  }

  stop(): void {
    for (const child of this.children) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    this.children.length = 0;
    process.removeListener('exit', this.stopOnExit);
  }
}
