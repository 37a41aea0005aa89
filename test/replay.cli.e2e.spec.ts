import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SQLITE_FILE_NAME, SqliteEventStore } from '@sagsgang/event-store';
import { readModelsFile } from '@sagsgang/projections';
import { ProcessManagerStore } from '../apps/api/src/process-managers/process-manager-store';
import { generateLive } from '../bench/replay/live';
import { ChildApi } from './support/child-api';
import { sagsgang } from './support/cli';

const EVENTS = 2000;
const REPORT =
  /^replayed (\d+) events \(log up to position (\d+)\) into sager, moeder in [\d.]+ s: [\d,]+ events\/s\ndigest ([0-9a-f]{64})\n$/;

async function headOf(dataDir: string): Promise<number> {
  const store = new SqliteEventStore(join(dataDir, SQLITE_FILE_NAME), { readonly: true });
  try {
    return await store.headPosition();
  } finally {
    await store.close();
  }
}

describe('sagsgang replay on a generated log of realistic sager and meetings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sagsgang-replay-'));
  let live: string;
  let head: number;

  beforeAll(async () => {
    // given a log of 2,000 events (a small municipality's first months: sager, meetings, referater) whose
    // read models a runner built live while it was written
    live = (await generateLive(dir, { events: EVENTS, seed: 'replay-test', sagerPerDag: 3 })).liveDigest;
    head = await headOf(dir);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rebuilds every read model with the live digest, twice, printing events per second and the digest', async () => {
    // when
    const first = await sagsgang(dir, 'replay');
    const second = await sagsgang(dir, 'replay');
    // then
    for (const run of [first, second]) {
      expect(run).toMatchObject({ code: 0, stderr: '' });
      const [, events, position, digest] = REPORT.exec(run.stdout) ?? [];
      expect([Number(events), Number(position), digest]).toEqual([head, head, live]);
    }
  });

  it('answers the same report as JSON with --json', async () => {
    const run = await sagsgang(dir, 'replay', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      readModels: ['sager', 'moeder'],
      events: head,
      position: head,
      seconds: expect.any(Number),
      eventsPerSecond: expect.any(Number),
      digest: live,
    });
  });

  it('refuses to run while the API runs on the data folder, and runs once it has stopped', async () => {
    // given the API on the folder; its process manager goes over the whole generated log
    const api = await ChildApi.start(dir);
    try {
      const health = await waitForProcessManager(api.url, head);
      // then it finds every follow-up already in the log, as the generator wrote them for it
      expect(health).toMatchObject({ store: { headPosition: head }, processManagers: [{ checkpoint: head, failures: 0 }] });
      // when
      const refused = await sagsgang(dir, 'replay');
      // then
      expect(refused).toMatchObject({
        code: 1,
        stdout: '',
        stderr: expect.stringContaining('is open in another process (is the API running on this data folder?)'),
      });
    } finally {
      await api.stop('SIGTERM');
    }
    const run = await sagsgang(dir, 'replay');
    expect(REPORT.exec(run.stdout)?.[3]).toBe(live);
  }, 90_000);

  it("leaves the process manager's checkpoint and refused follow-ups as they were", async () => {
    // given
    const before = new ProcessManagerStore(readModelsFile(dir));
    before.saveCheckpoint('sag_opfoelgning', { position: head - 7 });
    before.recordFailure({
      manager: 'sag_opfoelgning',
      eventId: '00000000-0000-4000-8000-000000000001',
      followUp: 0,
      position: 42,
      eventType: 'BeslutningRegistreret',
      command: 'RegistrerBeslutning',
      target: 'sag-x',
      error: 'IllegalTransition: afgjort',
      recordedAt: '2019-03-01T10:00:00.000Z',
    });
    const failures = before.failures('sag_opfoelgning');
    before.close();
    // when
    const run = await sagsgang(dir, 'replay');
    // then
    expect(run.code).toBe(0);
    const after = new ProcessManagerStore(readModelsFile(dir));
    try {
      expect(after.checkpoint('sag_opfoelgning')).toEqual({ position: head - 7 });
      expect(after.failures('sag_opfoelgning')).toEqual(failures);
    } finally {
      after.close();
    }
  });

  it('rebuilds a damaged file into a new one, saying where the old one went', async () => {
    // given garbage over the file's header
    const fd = openSync(readModelsFile(dir), 'r+');
    writeSync(fd, Buffer.alloc(100, 0x41), 0, 100, 0);
    closeSync(fd);
    // when
    const run = await sagsgang(dir, 'replay');
    // then
    const [note, ...report] = run.stdout.split('\n');
    expect(run.code).toBe(0);
    expect(note).toMatch(/^file is not a database: the old file was moved to .*readmodels\.sqlite\.damaged-/);
    expect(REPORT.exec(report.join('\n'))?.[3]).toBe(live);
  });

  it('with --fresh, rebuilds into a new file even when the old one is sound', async () => {
    const run = await sagsgang(dir, 'replay', '--fresh', '--json');
    expect(JSON.parse(run.stdout)).toMatchObject({
      digest: live,
      setAside: { problem: 'replaced on request (--fresh)', movedTo: expect.stringContaining('readmodels.sqlite.replaced-') },
    });
  });
});

interface Health {
  store: { headPosition: number };
  processManagers: Array<{ checkpoint: number; failures: number }>;
}

/** /health once the process manager has handled the log up to `position` (it appends nothing if all is in place). */
async function waitForProcessManager(url: string, position: number): Promise<Health> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const health = (await (await fetch(`${url}/health`)).json()) as Health;
    if (health.processManagers[0]?.checkpoint >= position || Date.now() > deadline) return health;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
