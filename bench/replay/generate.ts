/**
 * Writes a realistic log of sager and meetings into the SQLite event store of
 * a data folder (`events.sqlite`, which must be empty or absent):
 *
 *   npx ts-node --transpile-only -r tsconfig-paths/register bench/replay/generate.ts --data <folder> [--events 1000000] [--seed sagsgang]
 *
 * Every command is decided by the real pure deciders and appended with the
 * real SqliteEventStore. Durability is relaxed (synchronous=NORMAL) while
 * generating: a power cut could lose the last commits of a log that can be
 * generated again, and fsyncing every group would only measure the disk.
 * Bilag are recorded as events only; no file goes into the blob store.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SQLITE_FILE_NAME, SqliteEventStore } from '@sagsgang/event-store';
import { DEFAULT_SEED, generateLog } from './generator';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { data: { type: 'string' }, events: { type: 'string', default: '1000000' }, seed: { type: 'string', default: DEFAULT_SEED } },
  });
  if (!values.data) throw new Error('--data <folder> is required');
  const events = Number(values.events);
  if (!Number.isSafeInteger(events) || events < 1) throw new Error(`--events must be a positive integer, not ${values.events}`);
  const store = new SqliteEventStore(join(values.data, SQLITE_FILE_NAME), { durability: 'relaxed' });
  try {
    if ((await store.headPosition()) > 0) throw new Error(`${join(values.data, SQLITE_FILE_NAME)} is not empty`);
    const started = process.hrtime.bigint();
    const report = await generateLog({
      store,
      events,
      seed: values.seed,
      onProgress: (n) => void process.stderr.write(`\r${n.toLocaleString('en')} events`),
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    process.stderr.write('\n');
    console.log(
      JSON.stringify({ ...report, seconds: Number(seconds.toFixed(1)), eventsPerSecond: Math.round(report.events / seconds) }, null, 2),
    );
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
