import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '@sagsgang/event-store';
import { ProjectionRunner, ReadModelStore, readModelsFile } from '@sagsgang/projections';
import { PROJECTIONS } from '@sagsgang/read-models';
import { CLI } from './server';

export interface VerifyOutcome {
  passed: boolean;
  streams: number;
  events: number;
  failures: number;
  /** The CLI's own words when it did not pass. */
  output?: string;
}

/** `sagsgang verify --json` on the data folder, as an operator would run it. */
export function verify(dataDir: string): VerifyOutcome {
  const run = spawnSync(process.execPath, [CLI, 'verify', '--json'], { env: { ...process.env, SAGSGANG_DATA: dataDir }, encoding: 'utf8' });
  try {
    const report = JSON.parse(run.stdout) as { streams: number; events: number; failures: unknown[]; unreadable: unknown[] };
    const passed = run.status === 0 && report.failures.length === 0 && report.unreadable.length === 0;
    return {
      passed,
      streams: report.streams,
      events: report.events,
      failures: report.failures.length + report.unreadable.length,
      output: passed ? undefined : run.stdout + run.stderr,
    };
  } catch {
    return { passed: false, streams: 0, events: 0, failures: 1, output: `exit ${run.status}: ${run.stdout}${run.stderr}` };
  }
}

export interface DigestOutcome {
  equal: boolean;
  live: string;
  replayed: string;
  /** The head of the log, and the position every live read model had reached. */
  head: number;
  liveCheckpoints: Record<string, number>;
  replayedEvents: number;
  replaySeconds: number;
}

/**
 * The read models as the API left them against a fresh replay of the whole
 * log into a new file beside them (the API's own file is only read), with the
 * projections library's digest — the digest `sagsgang replay` prints.
 */
export async function compareDigests(dataDir: string): Promise<DigestOutcome> {
  const live = new ReadModelStore(readModelsFile(dataDir), PROJECTIONS);
  let liveDigest: string;
  let liveCheckpoints: Record<string, number>;
  try {
    liveDigest = live.digest();
    liveCheckpoints = Object.fromEntries(PROJECTIONS.map((projection) => [projection.name, live.checkpoint(projection.name).position]));
  } finally {
    live.close();
  }
  const scratch = mkdtempSync(join(dataDir, 'replay-'));
  const eventStore = new SqliteEventStore(join(dataDir, 'events.sqlite'), { readonly: true });
  const fresh = new ReadModelStore(readModelsFile(scratch), PROJECTIONS);
  try {
    const runner = new ProjectionRunner({ eventStore, readModels: fresh });
    const started = process.hrtime.bigint();
    const { events, position } = await runner.rebuild();
    const replaySeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const replayed = runner.digest();
    return {
      equal: replayed === liveDigest,
      live: liveDigest,
      replayed,
      head: position,
      liveCheckpoints,
      replayedEvents: events,
      replaySeconds,
    };
  } finally {
    fresh.close();
    await eventStore.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}
