import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { SQLITE_FILE_NAME, SqliteEventStore } from '@sagsgang/event-store';
import { ProjectionRunner, ReadModelStore, readModelsFile } from '@sagsgang/projections';
import { PROJECTIONS } from '@sagsgang/read-models';
import { ChildApi } from './support/child-api';
import { sagsgang } from './support/cli';

/** Written through the HTTP API before outcome became udfald; see its README. */
const FIXTURE = join(__dirname, 'fixtures', 'log-v1', 'log.jsonl');
/** The bilag folder of the store it was exported from (its one bilag); the export predates exports carrying files. */
const FIXTURE_BILAG = join(__dirname, 'fixtures', 'log-v1', 'bilag');

interface Line {
  position: number;
  stream: string;
  type: string;
  data: Record<string, unknown>;
}

const lines: Line[] = readFileSync(FIXTURE, 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Line);
const head = lines.length;
const idOf = (stream: string) => stream.slice(stream.indexOf('-') + 1);
/** The sag that passed Direktionen, Økonomiudvalget and Byrådet, and the Byrådet meeting that decided it. */
const sagId = idOf(lines.find((line) => line.type === 'SagAfgjort' && line.data.udvalg === 'Byrådet')!.stream);
const byraadetId = idOf(lines.find((line) => line.type === 'MoedeIndkaldt' && line.data.udvalg === 'Byrådet')!.stream);

/** The digest of the read models a runner builds live from the store, as the API does. */
async function liveDigest(dataDir: string): Promise<string> {
  const store = new SqliteEventStore(join(dataDir, SQLITE_FILE_NAME), { readonly: true });
  const readModels = new ReadModelStore(readModelsFile(dataDir), PROJECTIONS);
  const runner = new ProjectionRunner({ eventStore: store, readModels });
  try {
    await runner.start();
    await runner.waitForPosition(head, 30_000);
    return runner.digest();
  } finally {
    await runner.stop();
    readModels.close();
    await store.close();
  }
}

/** The process manager's /health entry once it has handled the log up to `position`. */
async function processManagerAt(url: string, position: number): Promise<{ checkpoint: number; failures: number }> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const health = (await (await fetch(`${url}/health`)).json()) as { processManagers: { checkpoint: number; failures: number }[] };
    const [manager] = health.processManagers;
    if (manager.checkpoint >= position || Date.now() > deadline) return manager;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('a log written before the renames (version 1 of its events)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sagsgang-v1-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    // given the fixture imported into an empty store, the old store's bilag folder copied over first
    cpSync(FIXTURE_BILAG, join(dir, 'bilag'), { recursive: true });
    const imported = await sagsgang(dir, 'import', '--in', FIXTURE);
    expect(imported).toMatchObject({ code: 0, stdout: expect.stringContaining(`imported ${head} events`) });
  }, 60_000);

  it('verifies: the stored bytes and their hash chain are untouched', async () => {
    const run = await sagsgang(dir, 'verify');
    expect(run).toMatchObject({ code: 0, stdout: expect.stringMatching(/checked \d+ streams, 103 events .*\nOK: no failures\n$/) });
  });

  it('replays to the digest of the read models built live from it', async () => {
    const live = await liveDigest(dir);
    const run = await sagsgang(dir, 'replay', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ events: head, position: head, digest: live });
  }, 90_000);

  describe('read and extended by the API under the new names', () => {
    let api: ChildApi;
    beforeAll(async () => {
      api = await ChildApi.start(dir);
    }, 60_000);
    afterAll(async () => {
      await api.stop('SIGTERM');
    });
    const get = (path: string, accept = 'application/json') => request(api.url).get(path).set(api.token('revisor')).set('Accept', accept);

    it("shows each udvalg's udfald and the meeting's date in the sag", async () => {
      const sag = (await get(`/sager/${sagId}`).expect(200)).body;
      expect(sag.behandlinger.map((b: Record<string, unknown>) => [b.udvalg, b.udfald, b.moedeDato])).toEqual([
        ['Direktionen', 'anbefalet', '2019-12-16'],
        ['Økonomiudvalget', 'anbefalet', '2020-01-13'],
        ['Byrådet', 'godkendt_med_aendringer', '2020-01-28'],
      ]);
      expect(JSON.stringify(sag)).not.toContain('outcome');
    });

    it('shows the same as of a revision, folded from the stream', async () => {
      const oversendt = lines.find((line) => line.stream === `sag-${sagId}` && line.type === 'SagOversendt')!;
      const revision = lines.filter((line) => line.stream === oversendt.stream && line.position <= oversendt.position).length - 1;
      const sag = (await get(`/sager/${sagId}?revision=${revision}`).expect(200)).body;
      expect(sag).toMatchObject({ status: 'indstillet', behandlinger: [{ udvalg: 'Direktionen', udfald: 'anbefalet' }] });
    });

    it('tells the historik in Danish from the old events, their data in the current shape', async () => {
      const { items } = (await get(`/sager/${sagId}/historik`).expect(200)).body as {
        items: { type: string; resume: string; data: object }[];
      };
      const afgjort = items.find((item) => item.type === 'SagAfgjort')!;
      expect(afgjort.resume).toBe('Beslutning i Byrådet 28-01-2020: godkendt med ændringer — sagen er afgjort');
      expect(afgjort.data).toMatchObject({ udfald: 'godkendt_med_aendringer' });
      expect(afgjort.data).not.toHaveProperty('outcome');
    });

    it("renders the meeting's referat with the beslutning's udfald and text", async () => {
      const referat = (await get(`/moeder/${byraadetId}/referat`, 'text/plain').expect(200)).text;
      expect(referat).toContain('Beslutning Byrådet den 28-01-2020');
      expect(referat).toContain('Godkendt med ændringer');
      expect(referat).toContain('Godkendt med den ændring, at processen afsluttes i 2021.');
    });

    it('decides a new command on an old stream, and the log still verifies', async () => {
      const sagsbehandler = api.token('sagsbehandler');
      const closed = await request(api.url).post(`/sager/${sagId}/afslut`).set(sagsbehandler).send().expect(200);
      expect(closed.body.revision).toBe(lines.filter((line) => line.stream === `sag-${sagId}`).length);
      // and the process manager, going over the old meeting events again, finds every follow-up in place
      expect(await processManagerAt(api.url, head)).toMatchObject({ failures: 0 });
    });
  });

  it('still verifies after the new event', async () => {
    expect((await sagsgang(dir, 'verify')).code).toBe(0);
  });
});
