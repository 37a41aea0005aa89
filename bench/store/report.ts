import { Machine } from './machine';
import { DATA_SET } from './data-set';
import { Measurement, rate } from './meter';
import { INLINE_SUBJECT, THREAD_SUBJECT } from './ours';

export type OperationKey = 'single1' | 'single16' | 'batch' | 'batch16' | 'readStream' | 'readAll' | 'single16Loaded';

export interface Operation {
  key: OperationKey;
  label: string;
  /** Events per second our durable SQLite store must reach, in the commit mode made for the workload. */
  target?: number;
  judgedOn?: string;
}

export const OPERATIONS: Operation[] = [
  { key: 'single1', label: 'Single-event appends, exact expected revision, 1 writer', target: 3_000, judgedOn: INLINE_SUBJECT },
  {
    key: 'single16',
    label: 'Single-event appends, exact expected revision, 16 concurrent writers',
    target: 20_000,
    judgedOn: INLINE_SUBJECT,
  },
  { key: 'batch', label: '100-event batch appends, 1 writer' },
  {
    key: 'batch16',
    label: '100-event batch appends, 16 concurrent writers (after the reads, on top of the data set)',
    target: 100_000,
    judgedOn: THREAD_SUBJECT,
  },
  { key: 'readStream', label: 'Read a 1,000-event stream' },
  { key: 'readAll', label: 'Read the whole global log (100k events, pages of 1,000)', target: 300_000, judgedOn: INLINE_SUBJECT },
  { key: 'single16Loaded', label: '16 concurrent writers while another process loads both cores (zero errors required)' },
];

export const isOurs = (subject: string): boolean => subject.startsWith('sagsgang');

export type Results = Map<string, Partial<Record<OperationKey, Measurement>>>;

export interface Verdict {
  passed: boolean;
  failures: string[];
}

export function judge(results: Results): Verdict {
  const failures: string[] = [];
  for (const [subject, measured] of results) {
    if (!isOurs(subject)) continue;
    for (const op of OPERATIONS) {
      const m = measured[op.key];
      if (!m) failures.push(`${subject}: ${op.label}: not measured`);
      else if (m.errors > 0) failures.push(`${subject}: ${op.label}: ${m.errors} errors (${m.firstError})`);
      if (subject === op.judgedOn && op.target && m && rate(m) < op.target) {
        failures.push(`${subject}: ${op.label}: ${formatRate(rate(m))} events/s < target ${formatRate(op.target)}`);
      }
    }
  }
  return { passed: failures.length === 0, failures };
}

const formatRate = (value: number): string => Math.round(value).toLocaleString('en-US');

function cell(m: Measurement | undefined): string {
  if (!m) return 'not measured';
  if (m.events === 0 && m.errors === 0) return `n/a (${m.note ?? 'no equivalent'})`;
  const parts = [formatRate(rate(m))];
  if (m.errors > 0) parts.push(`**${m.errors} errors**`);
  if (m.note && !/median|reads$/.test(m.note)) parts.push(`(${m.note})`);
  return parts.join(' ');
}

export function renderSection(
  machine: Machine,
  results: Results,
  verdict: Verdict,
  date: Date,
  peerVersion: string | undefined,
  notes: string[],
  floor: Measurement,
): string {
  const subjects = [...results.keys()];
  const lines = [
    '## Event store',
    '',
    `Measured by \`npm run bench:store\` (bench/store/) on ${date.toISOString().replace(/\.\d+Z$/, 'Z')}.`,
    '',
    `- Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB memory, Node ${machine.node}.`,
    `- Disk: ${formatRate(machine.fsyncPerSecond)} raw fsyncs/s before the run, ${formatRate(machine.fsyncPerSecondAfter ?? 0)} after ` +
      '(4 KiB `fs.writeSync` + `fs.fsyncSync` in a loop for 2 s) — the ceiling for one writer that fsyncs every commit.',
    `- Load average (1 min) ${machine.loadBefore.toFixed(2)} before, ${(machine.loadAfter ?? 0).toFixed(2)} after: ` +
      'the machine is shared, and other work there moves these numbers.',
    ...(disturbed(machine)
      ? ['- **This run was disturbed** (load above the core count, or the disk slower than 2,000 fsyncs/s): rerun on a quiet machine.']
      : []),
    `- Data set: ${DATA_SET.events.toLocaleString('en-US')} events over ${DATA_SET.streams.toLocaleString('en-US')} streams ` +
      `(one stream of ${DATA_SET.longStream.toLocaleString('en-US')} events), ~200 bytes of data and ~200 of metadata per event, ` +
      'written by the append runs below in order; the batch run tops the data set up to 100k, then the reads run on it.',
    '- SQLite in its default durable mode: ours with `synchronous=FULL` in WAL mode (an append is acknowledged only after ' +
      "its commit is fsynced), on a fresh file; Emmett SQLite on sqlite3's default, also `synchronous=FULL`. Ours twice: " +
      `"${INLINE_SUBJECT}" commits each group on the calling thread (the library's default, used by the command line); ` +
      `"${THREAD_SUBJECT}" commits it on the store's writer thread, as the API runs it. Each target names the mode it is ` +
      'judged on: single-event appends on the default, where an append costs no hand-over between threads (one writer ' +
      'awaiting each append is latency-bound: the writer thread adds two thread wake-ups to each); batched appends on the ' +
      'writer thread, which exists to overlap the serialising of the next group with the commit of the last. Both ' +
      'columns are measured in every run.',
    peerVersion
      ? `- Peer: Emmett ${peerVersion} (\`@event-driven-io/emmett\`, \`@event-driven-io/emmett-sqlite\`, \`sqlite3@5.1.7\`), ` +
        'installed into bench/peer on first use. Same operations through its public API; the expected version is always ' +
        "exact (Emmett counts a stream's version as its number of events). Its SQLite store opens and closes a connection " +
        'around every call and one shared instance wedges under concurrent appends, so each writer gets an instance of its ' +
        'own, as separate processes would. Slow runs stop after 8 s and report the rate over what they managed.'
      : '- Peer: not run (`--no-peer`).',
    "- Appends: each writer owns its streams, makes each append's events just before it (about 1 µs an event, on the " +
      'clock, as a client does), and awaits each append before the next; a new stream is appended with ' +
      '`no_stream` (Emmett: version 0). Loaded run: one `node -e` busy loop per core in child processes.',
    '- The memory stores hand out the objects they hold: their read rates measure slicing an array, not a copy.',
    "- The run exits non-zero when a target is missed or any run of ours has an error; the peer's errors are reported, not fatal.",
    '',
    'Events per second (higher is better):',
    '',
    `| Operation | ${subjects.join(' | ')} | Target (judged on) |`,
    `|---|${subjects.map(() => '--:').join('|')}|---|`,
    ...OPERATIONS.map((op) => {
      const cells = subjects.map((s) => cell(results.get(s)?.[op.key]));
      const judged = op.judgedOn && results.get(op.judgedOn)?.[op.key];
      const goal = op.target
        ? `≥ ${formatRate(op.target)} (${op.judgedOn}) — ${passFail(judged || undefined, op.target)}`
        : op.key === 'single16Loaded'
          ? `0 errors (every store of ours) — ${passFail(worstOfOurs(results, op.key))}`
          : '—';
      return `| ${op.label} | ${cells.join(' | ')} | ${goal} |`;
    }),
    '',
    `Overall: **${verdict.passed ? 'PASS' : 'FAIL'}**${verdict.passed ? '' : ` — ${verdict.failures.join('; ')}`}`,
    '',
    ...costTable(results, floor),
    ...errorNotes(results, notes),
  ];
  return lines.join('\n') + '\n';
}

function disturbed(machine: Machine): boolean {
  const loads = [machine.loadBefore, machine.loadAfter ?? 0];
  const fsyncs = [machine.fsyncPerSecond, machine.fsyncPerSecondAfter ?? Infinity];
  return loads.some((load) => load > machine.cores) || fsyncs.some((rate) => rate < 2_000);
}

/** CPU time and disk writes per event of the SQLite stores: what bounds each rate. */
function costTable(results: Results, floor: Measurement): string[] {
  const subjects = [...results.keys()].filter((s) => s.includes('SQLite'));
  if (subjects.length === 0) return [];
  const cost = (m: Measurement | undefined): string =>
    m?.cpuMicrosPerEvent === undefined ? '—' : `${m.cpuMicrosPerEvent.toFixed(1)} µs · ${Math.round((m.bytesPerEvent ?? 0) / 100) / 10} kB`;
  return [
    'Cost per event — CPU time of the whole process (all threads) · bytes written to the disk (`/proc/self/io`):',
    '',
    `| Operation | ${subjects.join(' | ')} |`,
    `|---|${subjects.map(() => '--:').join('|')}|`,
    ...OPERATIONS.map((op) => `| ${op.label} | ${subjects.map((s) => cost(results.get(s)?.[op.key])).join(' | ')} |`),
    '',
    "Where an append's work goes: on the appending thread the batch is checked and each event serialised once to " +
      "canonical JSON (what is hashed is what is stored); in the group's transaction the SHA-256 chain, three B-tree " +
      'inserts per event (the table and its two unique indexes) and the commit with its fsync. One writer that awaits ' +
      'each 100-event batch pays all of it in sequence, with one fsync per batch. For scale, SQLite alone — the same ' +
      'schema and INSERT, the rows chained and serialised before the clock starts, one durable transaction per 100-event ' +
      `batch, one writer — managed ${formatRate(rate(floor))} events/s (${cpu(floor)} µs of CPU per event) on this ` +
      'machine in the same run; concurrent writers share transactions and fsyncs (group commit), and with the writer ' +
      'thread the serialising of the next group overlaps the commit of the last.',
    '',
  ];
}

const cpu = (m: Measurement): string => (m.cpuMicrosPerEvent ?? 0).toFixed(1);

/** The measurement of ours with the most errors, so that "0 errors" holds for all of them. */
function worstOfOurs(results: Results, key: OperationKey): Measurement | undefined {
  const ours = [...results].filter(([subject]) => isOurs(subject)).map(([, measured]) => measured[key]);
  return ours.reduce((worst, m) => (!worst || (m && m.errors > worst.errors) ? m : worst), undefined as Measurement | undefined);
}

function passFail(m: Measurement | undefined, target?: number): string {
  if (!m) return 'not measured';
  const ok = m.errors === 0 && (target === undefined || rate(m) >= target);
  return ok ? 'pass' : '**FAIL**';
}

function errorNotes(results: Results, extra: string[]): string[] {
  const notes: string[] = [];
  for (const [subject, measured] of results) {
    for (const op of OPERATIONS) {
      const m = measured[op.key];
      if (m && m.errors > 0) notes.push(`- ${subject}, ${op.label}: ${m.errors} errors; first: \`${m.firstError}\``);
    }
  }
  notes.push(...extra.map((note) => `- ${note}`));
  return notes.length ? ['Errors:', '', ...notes, ''] : [];
}
