import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import BetterSqlite3 from 'better-sqlite3';
import { SqliteEventStore } from '@sagsgang/event-store';
import { readModelsFile } from '../src';
import { event } from './support/events';
import { Fixture } from './support/fixture';
import { Count, countingProjection, sagerProjection, TOTAL } from './support/projections';

const STREAMS = 300;
const EVENTS = STREAMS * 20;
const KILL_AT = 2000;

/** 300 sager with 10 events each, interleaved with 300 other streams of 10 events. */
async function writeLog(store: SqliteEventStore): Promise<void> {
  await Promise.all(
    Array.from({ length: STREAMS }, async (_, i) => {
      const changes = Array.from({ length: 9 }, (__, n) => event('StatusSkiftet', { status: `trin ${n}` }));
      const opret = event('SagOprettet', { sagsnummer: `25/${i}`, titel: `Sag ${i}`, udvalg: 'Byrådet' });
      await store.append(`sag-${i}`, [opret, ...changes]);
      await store.append(
        `log-${i}`,
        Array.from({ length: 10 }, (__, n) => event('Noteret', { n })),
      );
    }),
  );
}

/** Runs the child until it applies KILL_AT, then SIGKILLs it. */
async function projectUntilKilled(eventsFile: string, readModels: string): Promise<void> {
  const script = join(__dirname, 'crash', 'project-until-killed.ts');
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', script, eventsFile, readModels, String(KILL_AT)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise((resolve) => child.on('exit', resolve));
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.startsWith('applying')) child.kill('SIGKILL');
  }
  await exited;
}

function storedCheckpoint(file: string): number {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.prepare(`SELECT position FROM checkpoints WHERE projection = 'counts'`).pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('Projections after SIGKILL mid-projection', () => {
  const fixture = new Fixture('sqlite');
  const projections = () => [sagerProjection(), countingProjection()];
  let checkpointAtKill: number;

  beforeAll(async () => {
    await writeLog(fixture.eventStore as SqliteEventStore);
    await projectUntilKilled(join(fixture.dir, 'events.sqlite'), readModelsFile(fixture.dir));
    checkpointAtKill = storedCheckpoint(readModelsFile(fixture.dir));
  }, 60_000);
  afterAll(() => fixture.close());

  it('was killed with part of the log applied', () => {
    expect(checkpointAtKill).toBeGreaterThan(0);
    expect(checkpointAtKill).toBeLessThan(EVENTS);
  });

  describe('after a restart on the same files', () => {
    let restartedDigest: string;
    let readModels: ReturnType<Fixture['readModels']>;

    beforeAll(async () => {
      readModels = fixture.readModels(projections());
      const runner = fixture.runner(projections(), { readModels });
      await runner.start();
      await runner.waitForPosition(EVENTS, 20_000);
      restartedDigest = runner.digest();
    }, 30_000);

    it('equals a fresh rebuild of the read models', async () => {
      const freshModels = fixture.readModels(projections(), join(fixture.dir, 'fresh.sqlite'));
      const fresh = fixture.runner(projections(), { readModels: freshModels });
      await fresh.rebuild();
      expect(restartedDigest).toBe(fresh.digest());
    });

    it('applied every event exactly once', () => {
      expect(readModels.get<Count>('counts', TOTAL)).toEqual({ events: EVENTS, lastPosition: EVENTS, duplicates: 0 });
      const { items, total } = readModels.find<Count>('counts', { limit: 1000 });
      expect(total).toBe(2 * STREAMS + 1);
      expect(items.filter((count) => count.events === 10 && count.duplicates === 0)).toHaveLength(2 * STREAMS);
    });
  });
});
