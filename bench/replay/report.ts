import { readFileSync } from 'node:fs';
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
      `Load average (1 min) ${f.machine.loadBefore.toFixed(2)} before, ${(f.machine.loadAfter ?? 0).toFixed(2)} after.`,
    `- Log: ${f.events.toLocaleString('en-US')} events (seed \`${f.seed}\`) written by bench/replay/generator through the real ` +
      `deciders and the SQLite event store: ${g.sager.toLocaleString('en-US')} sager and ${g.moeder.toLocaleString('en-US')} meetings ` +
      `with ${g.punkter.toLocaleString('en-US')} punkter, ${g.period}, up to ${g.maxAabneSager.toLocaleString('en-US')} sager open at once. ` +
      (g.reused
        ? `Reused from .bench-data/ (generated and built live on ${g.at} in ${g.seconds.toFixed(0)} s).`
        : `Generated and built live in ${g.seconds.toFixed(0)} s (relaxed durability while generating).`),
    '- Live: a ProjectionRunner subscribed to the store while the generator appended (its normal incremental path, ' +
      'committing whenever it had caught up); its digest was recorded when the log was complete.',
    '- Replay: `sagsgang replay --json` run twice as a child process (ts-node); each folds every read model\'s documents in ' +
      'memory from the log and replaces the read models in readmodels.sqlite with them in one transaction; the log is read ' +
      'ahead by a thread of its own (readLogPages, without metadata) and the rows written by another (replayReadModels, ' +
      'ReplayWriter). ' +
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

/** From CPU profiles (per thread) of one replay of this log (`node --cpu-prof`, 2026-11-23, quiet machine, load about 1, rebuild 14.6 s). */
const LIMITS = [
  'What limits it (CPU profile of each thread of one replay of the 1,000,000-event log on the quiet machine, rebuild 14.6 s):',
  '',
  '- Reading thread (readLogPages): 6.6 s of CPU — fetching the rows and writing each page of 5,000 events as one',
  '  JSON text without metadata 3.5 s, handing the pages over 1.4 s, garbage collection 1.4 s. It runs beside the',
  '  folding thread, and the two of them and the writer\'s drop of the old tables share the two cores.',
  '- Folding thread, the critical path (about 13.4 s busy): parsing the pages 1.7 s, folding 3.6 s (the domain\'s own',
  '  evolve and the projection\'s copy of the state per event), garbage collection 2.3 s, encoding the 0.5 GB of',
  '  documents 2.2 s (JSON.stringify and the columns), handing the rows to the writer 1.1 s, the rest (lookups,',
  '  bookkeeping) about 2.5 s.',
  '- Writer thread: inserting the rows 3.5 s while the next are encoded, dropping and creating the tables and',
  '  building the indexes 1.6 s; the digest is taken afterwards and not timed.',
  '',
  'What it would take: about 25 s of CPU in all on two cores, so even perfectly overlapped no less than about 12.5 s',
  '(80,000 events/s). 100,000 events/s needs a fifth or more of the work itself gone: smaller documents (a sag keeps',
  'every version of its sagsfremstilling, 6 KB on average; a meeting every punkt with its sag, 37 KB), each page\'s',
  'text built by SQLite in C rather than in JavaScript, and fewer copies of the state while folding.',
];
