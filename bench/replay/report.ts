import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  loadBefore: number;
  loadAfter?: number;
}

export interface ReplayRun {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  digest: string;
}

export interface Findings {
  machine: Machine;
  date: Date;
  events: number;
  seed: string;
  /** The generation and live build, when this run did it; else when the reused log was made. */
  generation: { seconds: number; at: string; reused: boolean; sager: number; moeder: number; punkter: number; maxAabneSager: number; period: string };
  liveDigest: string;
  replays: ReplayRun[];
  target: number;
  passed: boolean;
  failures: string[];
}

export function describeMachine(): Machine {
  return { cpuModel: cpuModel(), cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, loadBefore: loadavg()[0] };
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    if (line) return line.split(':')[1].trim();
  } catch {
    // not Linux: what Node reports
  }
  return cpus()[0]?.model ?? 'unknown';
}

const rate = (n: number) => Math.round(n).toLocaleString('en-US');

export function renderSection(f: Findings): string {
  const g = f.generation;
  const equal = f.replays.every((run) => run.digest === f.liveDigest);
  const lines = [
    '## Replay',
    '',
    `Measured by \`npm run bench:replay\` (bench/replay/) on ${f.date.toISOString().replace(/\.\d+Z$/, 'Z')}.`,
    '',
    `- Machine: ${f.machine.cpuModel}, ${f.machine.cores} cores, ${f.machine.memoryGiB} GiB memory, Node ${f.machine.node}. ` +
      `Load average (1 min) ${f.machine.loadBefore.toFixed(2)} before, ${(f.machine.loadAfter ?? 0).toFixed(2)} after: the machine is shared.`,
    `- Log: ${f.events.toLocaleString('en-US')} events (seed \`${f.seed}\`) written by bench/replay/generator through the real ` +
      `deciders and the SQLite event store: ${g.sager.toLocaleString('en-US')} sager and ${g.moeder.toLocaleString('en-US')} meetings ` +
      `with ${g.punkter.toLocaleString('en-US')} punkter, ${g.period}, up to ${g.maxAabneSager.toLocaleString('en-US')} sager open at once. ` +
      (g.reused
        ? `Reused from .bench-data/ (generated and built live on ${g.at} in ${g.seconds.toFixed(0)} s).`
        : `Generated and built live in ${g.seconds.toFixed(0)} s (relaxed durability while generating).`),
    '- Live: a ProjectionRunner subscribed to the store while the generator appended (its normal incremental path, ' +
      'committing whenever it had caught up); its digest was recorded when the log was complete.',
    '- Replay: `sagsgang replay --json` run twice as a child process (ts-node); each folds every read model\'s documents in ' +
      'memory from the log and replaces the read models in readmodels.sqlite with them in one transaction, written by a second ' +
      'thread (replayReadModels, ReplayWriter). ' +
      'The time is the rebuild alone (not start-up or the digest).',
    '',
    '| run | events | seconds | events/s | digest |',
    '|---|--:|--:|--:|---|',
    `| live | ${f.events.toLocaleString('en-US')} | — | — | \`${f.liveDigest.slice(0, 16)}…\` |`,
    ...f.replays.map((run, i) => `| replay ${i + 1} | ${run.events.toLocaleString('en-US')} | ${run.seconds.toFixed(2)} | ${rate(run.eventsPerSecond)} | \`${run.digest.slice(0, 16)}…\` |`),
    '',
    `Digests equal: **${equal ? 'yes' : 'NO'}**. Target: every replay at least ${rate(f.target)} events/s. ` +
      `Overall: **${f.passed ? 'PASS' : 'FAIL'}**${f.passed ? '' : ` — ${f.failures.join('; ')}`}`,
    '',
    ...LIMITS,
  ];
  return lines.join('\n') + '\n';
}

/** From CPU profiles (per thread) of one replay of this log (`node --cpu-prof`, 2026-11-23, load 2 to 3 on two vCPUs, 19.4 s); the rebuild only. */
const LIMITS = [
  'What limits it (CPU profile of each thread of one replay of the 1,000,000-event log, 19.4 s under a load of 2 to 3):',
  '',
  '- The folding thread is the critical path: reading the log 4.9 s (SQLite rows 2.9 s, parsing data and metadata',
  '  2.0 s; about 1 KB of JSON per event, 40% of it metadata that no projection reads), folding 3.7 s (the domain\'s',
  '  own evolve and a copy of the state per event), garbage collection 3.4 s, then encoding the 0.5 GB of documents',
  '  3.1 s (JSON.stringify and the columns) and handing them to the writer 1.3 s (structured clone of the strings).',
  '- The writer thread drops the old tables while the log is read (hidden), inserts the rows while the next ones',
  '  are encoded (5.1 s, a little slower than the encoding, so it finishes after it), then indexes and commits;',
  '  with the document as the last column the index build no longer reads the documents\' overflow pages.',
  '',
  'What is left: the documents can only be written once the log is folded, so encoding and inserting follow the',
  'fold. Reading the log in the event store without parsing metadata (its code), and handing the writer UTF-8',
  'buffers (transferred, not cloned) instead of strings are the next steps. Reading the log on two threads costs',
  'more than it saves, as does handing parsed events between threads (structured clone is slower than JSON.parse).',
];

/** Replaces the "## Replay" section of the file, or appends it; every other section stays as it is. */
export function writeSection(file: string, section: string): void {
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\n';
  const start = existing.indexOf('## Replay\n');
  if (start < 0) {
    writeFileSync(file, existing.trimEnd() + '\n\n' + section);
    return;
  }
  const next = existing.indexOf('\n## ', start + 1);
  writeFileSync(file, existing.slice(0, start) + section + (next < 0 ? '' : '\n' + existing.slice(next + 1)));
}
