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
      'memory from the log and replaces the read models in readmodels.sqlite with them in one transaction (replayReadModels). ' +
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

/** From a CPU profile of one replay of this log (`node --cpu-prof`, 2026-11-23, load about 5 on two vCPUs); the rebuild only, not the digest. */
const LIMITS = [
  'What limits it (CPU profile of one replay of the 1,000,000-event log, rebuild only):',
  '',
  '- Writing the read models, 39%: inserting 0.5 GB of JSON documents once each, in id order, 20%; encoding them',
  '  (JSON.stringify and the columns), 10%; indexing the filled tables, 7%; dropping the old tables first, 6%.',
  '  Documents are large because they are the domain state: a sag keeps every version of its sagsfremstilling',
  '  (6 KB on average), a meeting every punkt with its sag (37 KB).',
  '- Reading the log, 28%: the subscription reads every row (17%) and parses its data and metadata (10%), about',
  '  1 KB of JSON per event (metadata with its ids and two hashes is about 40% of it, and no projection reads it).',
  '- Folding, 19%: the domain\'s own evolve per event, plus a copy of the state with revision and position.',
  '- Garbage collection, 12%, with the young generation raised to 192 MB.',
  '',
  'The whole rebuild runs on one thread of a two-vCPU machine shared with other work. What is left to reach',
  '100,000 events/s: the second core for writing (a thread holding the exclusive write transaction that drops the',
  'old tables while the log is folded and inserts the documents while they are encoded, about a fifth of the',
  'rebuild), and parsing metadata only when asked (the event store\'s code; a lazy getter must survive the spreads',
  'of RecordedEvent elsewhere). Reading the log on two threads (one per half of the documents) costs more than it',
  'saves, as does handing parsed events between threads (structured clone is slower than JSON.parse).',
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
