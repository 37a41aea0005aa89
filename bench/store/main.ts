/**
 * `npm run bench:store`: our memory and SQLite event stores beside Emmett's,
 * on the same data set and operations. Writes the "Event store" section of
 * docs/benchmarks.md and exits non-zero when a target is missed or any of our
 * runs has an error. `--no-peer` skips Emmett; `--no-docs` leaves the docs alone.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { emmettInMemory, emmettSqlite, loadPeer, Peer } from './emmett';
import { CpuLoad, describeMachine, remeasure } from './machine';
import { sqliteFloor } from './floor';
import { oursMemory, oursSqlite, oursSqliteThread } from './ours';
import { judge, OperationKey, renderSection, Results } from './report';
import { writeSection } from '../docs-section';
import { StreamBook, Subject } from './data-set';
import { Measurement, rate } from './meter';
import { appendRun, batchAppends, readAllPasses, readStreamRepeatedly } from './workload';

const ROOT = join(__dirname, '..', '..');
const SINGLE_1 = { writers: 1, appendsPerWriter: 5_000, eventsPerAppend: 1, capMs: 8_000 };
const SINGLE_16 = { writers: 16, appendsPerWriter: 1_500, eventsPerAppend: 1, capMs: 8_000 };
const BATCH_16 = { writers: 16, appendsPerWriter: 60, eventsPerAppend: 100, capMs: 8_000 };

async function main(): Promise<number> {
  const args = new Set(process.argv.slice(2));
  const dataRoot = join(ROOT, '.bench-data');
  mkdirSync(dataRoot, { recursive: true });
  const folder = mkdtempSync(join(dataRoot, 'store-'));
  try {
    const machine = describeMachine(folder);
    console.log(`${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}`);
    console.log(`raw fsync rate: ${Math.round(machine.fsyncPerSecond)}/s, load average ${machine.loadBefore.toFixed(2)}`);
    const peer: Peer | undefined = args.has('--no-peer') ? undefined : loadPeer();
    const subjects: Array<() => Subject> = [() => oursSqliteThread(folder), () => oursSqlite(folder), () => oursMemory()];
    if (peer)
      subjects.splice(
        2,
        0,
        () => emmettSqlite(peer, folder),
        () => emmettInMemory(peer),
      );
    const results: Results = new Map();
    const notes: string[] = [];
    for (const open of subjects) {
      const subject = open();
      await subject.ready?.();
      const logged = new Map<string, number>();
      results.set(subject.name, await quietly(subject.name.startsWith('Emmett'), logged, () => measure(subject)));
      if (logged.size > 0) {
        const counts = [...logged].map(([code, count]) => `${code} ×${count}`).join(', ');
        notes.push(`${subject.name}: its connection logged these failed transactions underneath the errors above: ${counts}.`);
      }
    }
    const floor = sqliteFloor(folder);
    console.log(`SQLite alone, 100-event durable batches, 1 writer: ${Math.round(rate(floor))} events/s`);
    remeasure(machine, folder);
    const verdict = judge(results);
    const section = renderSection(machine, results, verdict, new Date(), peer?.version, notes, floor);
    console.log('\n' + section);
    if (!args.has('--no-docs')) writeSection(join(ROOT, 'docs', 'benchmarks.md'), section);
    verdict.failures.forEach((failure) => console.error(`FAIL ${failure}`));
    return verdict.passed ? 0 : 1;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Runs every operation on one store, in the order that builds the data set before it is read. */
async function measure(subject: Subject): Promise<Partial<Record<OperationKey, Measurement>>> {
  const book = new StreamBook();
  const measured: Partial<Record<OperationKey, Measurement>> = {};
  const run = async (key: OperationKey, operation: () => Promise<Measurement>): Promise<void> => {
    try {
      measured[key] = await operation();
    } catch (error) {
      measured[key] = { events: 0, seconds: 0, errors: 1, firstError: String(error) };
    }
    const m = measured[key]!;
    const errors = m.errors ? `, ${m.errors} errors (${m.firstError})` : '';
    console.log(
      `${subject.name.padEnd(18)} ${key.padEnd(15)} ${Math.round(rate(m)).toString().padStart(9)} events/s  ` +
        `(${m.events} events in ${m.seconds.toFixed(2)} s${errors})`,
    );
  };
  await run('single1', () => appendRun(subject, book, SINGLE_1));
  await run('single16', () => appendRun(subject, book, SINGLE_16));
  await run('single16Loaded', async () => {
    const load = new CpuLoad().start();
    try {
      await load.ready();
      return await appendRun(subject, book, SINGLE_16);
    } finally {
      load.stop();
    }
  });
  await run('batch', () => batchAppends(subject, book));
  await run('readStream', () => readStreamRepeatedly(subject, 2_000));
  await run('readAll', () => readAllPasses(subject, book.written));
  await run('batch16', () => appendRun(subject, book, BATCH_16));
  await subject.close();
  return measured;
}

/**
 * Emmett's SQLite connection logs every failed transaction with console.log;
 * its runs count those failures by error code instead, so the progress stays readable.
 */
async function quietly<T>(mute: boolean, logged: Map<string, number>, work: () => Promise<T>): Promise<T> {
  const log = console.log;
  if (mute) {
    console.log = (...args: unknown[]) => {
      if (!(args[0] instanceof Error)) return log(...args);
      const code = String((args[0] as { code?: unknown }).code ?? args[0].name);
      logged.set(code, (logged.get(code) ?? 0) + 1);
    };
  }
  try {
    return await work();
  } finally {
    console.log = log;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
