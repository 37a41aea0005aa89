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
    '- Replay: `sagsgang replay --json` run twice as a child process (ts-node); each drops every read model in ' +
      'readmodels.sqlite and rebuilds it with ProjectionRunner.rebuild. The time is the rebuild alone (not start-up or the digest).',
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

/** From a CPU profile of one replay of this log (`node --cpu-prof`, 2026-11-23, load about 2.5); the rebuild only, not the digest. */
const LIMITS = [
  'What limits it (CPU profile of one replay of the 1,000,000-event log, rebuild only):',
  '',
  '- Reading the log, 25%: the subscription reads every row and parses its data and metadata, about 1 KB of JSON',
  '  per event (980 MB in all; metadata with its ids and two hashes is about 40% of it, and no projection reads it).',
  '- Writing the read models, 22%, and dropping the old tables first, 7%: 0.6 GB of JSON documents in 250,000-event',
  '  batches (0.5 GB when each document is written once). Documents are large because they are the domain state:',
  '  a sag keeps every version of its sagsfremstilling (6 KB on average), a meeting every punkt with its sag (37 KB).',
  '- Folding, 17%: the domain\'s own evolve per event plus the runner\'s bookkeeping; encoding the documents, 8%.',
  '- Garbage collection, 14%, with the young generation already raised to 192 MB (20–25% with V8\'s default).',
  '',
  'The whole rebuild runs on one thread of a two-vCPU machine shared with other work. Reaching 100,000 events/s',
  'would take several of: a subscription that parses metadata only when asked (the event store\'s code), the second',
  'core (one thread reading and folding, one writing SQLite), building into a fresh file instead of dropping the old',
  'tables, and smaller list documents (the texts are in the log and in the sag stream anyway). The digest is the',
  'same whichever path builds the read models, so each such change can be checked by this benchmark.',
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
