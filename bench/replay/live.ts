import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SQLITE_FILE_NAME, SqliteEventStore } from '@sagsgang/event-store';
import { ProjectionRunner, ReadModelStore, readModelsFile } from '@sagsgang/projections';
import { PROJECTIONS } from '@sagsgang/read-models';
import { GenerateOptions, generateLog, GenerateReport } from './generator';

export interface LiveLog {
  report: GenerateReport;
  /** The digest of the read models the runner built while the log was written. */
  liveDigest: string;
  seconds: number;
}

/**
 * Generates a log into `dataDir` (events.sqlite, relaxed durability) while a
 * ProjectionRunner follows it live into the folder's readmodels.sqlite — the
 * runner's normal incremental path, committing whenever it has caught up, as
 * in the API — and answers the live-built read models' digest once the runner
 * has applied the whole log.
 */
export async function generateLive(dataDir: string, options: Omit<GenerateOptions, 'store'>): Promise<LiveLog> {
  mkdirSync(dataDir, { recursive: true });
  const store = new SqliteEventStore(join(dataDir, SQLITE_FILE_NAME), { durability: 'relaxed' });
  const readModels = new ReadModelStore(readModelsFile(dataDir), PROJECTIONS);
  const runner = new ProjectionRunner({ eventStore: store, readModels });
  const started = process.hrtime.bigint();
  try {
    await runner.start();
    const report = await generateLog({ ...options, store });
    await runner.waitForPosition(await store.headPosition(), Number.POSITIVE_INFINITY);
    return { report, liveDigest: runner.digest(), seconds: Number(process.hrtime.bigint() - started) / 1e9 };
  } finally {
    await runner.stop();
    readModels.close();
    await store.close();
  }
}
