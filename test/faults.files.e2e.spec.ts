import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, cpSync, mkdtempSync, openSync, rmSync, statSync, truncateSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { compareDigests } from '../bench/api/check';
import { ChildApi } from './support/child-api';
import { sagsgang } from './support/cli';
import { logOf, waitUntilCaughtUp } from './support/faults';
import { forberedSag, Sekretaer } from './support/moeder';

const SAG = { titel: 'Efter fejlen', journalnummer: '00.01.00', sagstype: 'orientering', sagsgang: ['Byrådet'], ansvarligEnhed: 'IT' };
const root = mkdtempSync(join(tmpdir(), 'sagsgang-filer-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** `count` sager, the last put on a meeting's agenda and decided (so the process manager follows it up). */
async function workOn(api: ChildApi, count: number): Promise<void> {
  for (let i = 1; i < count; i++) await request(api.url).post('/sager').set(api.token('sagsbehandler')).send(SAG).expect(201);
  const sag = await forberedSag(api, { titel: 'Til beslutning', sagstype: 'beslutning', sagsgang: ['Byrådet'] });
  const sekretaer = new Sekretaer(api);
  const moedeId = await sekretaer.indkald({ udvalg: 'Byrådet', start: '2030-03-01T17:00:00+01:00', medlemmer: [{ navn: 'Anne' }] });
  await sekretaer.tilfoej(moedeId, sag.id);
  await sekretaer.aabn(moedeId);
  await sekretaer.beslut(moedeId, 1, 'godkendt');
  await waitUntilCaughtUp(api);
}

/** The data folder after 6 sager (its event store also kept as it was after the first 3), stopped cleanly. */
const pristine = join(root, 'pristine');
const olderLog = join(root, 'events-after-3.sqlite');
beforeAll(async () => {
  let api = await ChildApi.start(pristine);
  await workOn(api, 3);
  await api.stop('SIGTERM');
  copyFileSync(join(pristine, 'events.sqlite'), olderLog);
  api = await ChildApi.start(pristine);
  await workOn(api, 3);
  await api.stop('SIGTERM');
}, 120_000);

/** A copy of the pristine folder to break. */
function copyOfPristine(name: string): string {
  const dir = join(root, name);
  cpSync(pristine, dir, { recursive: true });
  return dir;
}

const sagerIn = async (api: ChildApi) =>
  (await request(api.url).get('/sager?limit=100').set(api.token('revisor')).expect(200)).body as {
    total: number;
    items: Array<{ id: string; sagsnummer: string }>;
  };

/** A new sag is created, read back at its position, and its sagsnummer is no other sag's. */
async function expectAnswersCorrectly(api: ChildApi): Promise<void> {
  const created = await request(api.url).post('/sager').set(api.token('sagsbehandler')).send(SAG).expect(201);
  await request(api.url).get(`/sager/${created.body.id}?minPosition=${created.body.position}`).set(api.token('revisor')).expect(200);
  const { items } = await sagerIn(api);
  expect(items.filter((sag) => sag.sagsnummer === created.body.sagsnummer).map((sag) => sag.id)).toEqual([created.body.id]);
}

/** After the API on `dir` has stopped: the log verifies and the read models equal a replay of it. */
async function expectConsistent(dir: string): Promise<void> {
  expect((await sagsgang(dir, 'verify')).code).toBe(0);
  const digests = await compareDigests(dir);
  expect(digests.live).toBe(digests.replayed);
}

describe('Fault: an older event store restored under the current read models', () => {
  let dir: string;
  let api: ChildApi;
  beforeAll(async () => {
    dir = copyOfPristine('restored-older');
    copyFileSync(olderLog, join(dir, 'events.sqlite'));
    rmSync(join(dir, 'events.sqlite-wal'), { force: true });
    rmSync(join(dir, 'events.sqlite-shm'), { force: true });
    api = await ChildApi.start(dir);
  }, 60_000);
  afterAll(() => api.stop('SIGKILL'));

  it('rebuilds the read models and the process manager’s position, and says so on /health', async () => {
    const health = await waitUntilCaughtUp(api);
    expect(health.readModels.lastRebuild?.reason).toMatch(/ahead of the log/);
    expect(health.processManagers[0].lastRewind?.reason).toMatch(/ahead of the log/);
  });

  it('shows only the sager the log holds', async () => {
    const created = (await logOf(dir)).filter((event) => event.type === 'SagOprettet').length;
    expect((await sagerIn(api)).total).toBe(created);
  });

  it('answers a new sag correctly: read back at its position, its sagsnummer nobody else’s', async () => {
    await expectAnswersCorrectly(api);
  });

  it('verifies, and has read models equal to a replay, once stopped', async () => {
    await api.stop('SIGTERM');
    await expectConsistent(dir);
  });
});

describe.each<[string, (file: string) => void]>([
  ['garbage in its header', (file) => overwrite(file, 0, Buffer.alloc(100, 0x41))],
  ['its second half cut off', (file) => truncateSync(file, Math.floor(statSync(file).size / 2))],
  [
    'random bytes over pages in its middle',
    (file) => overwrite(file, Math.floor(statSync(file).size / 2 / 16384) * 16384, randomBytes(32768)),
  ],
])('Fault: a read model file with %s', (name, damage) => {
  let dir: string;
  let api: ChildApi;
  let sager: number;
  beforeAll(async () => {
    dir = copyOfPristine(`damaged-${name.replaceAll(' ', '-')}`);
    sager = (await logOf(dir)).filter((event) => event.type === 'SagOprettet').length;
    damage(join(dir, 'readmodels.sqlite'));
    api = await ChildApi.start(dir);
  }, 60_000);
  afterAll(() => api.stop('SIGKILL'));

  it('is moved aside and rebuilt from the log at start-up, as /health says', async () => {
    const health = await waitUntilCaughtUp(api);
    expect(health.readModels.setAsideAtStart).toMatchObject({
      problem: expect.any(String),
      movedTo: expect.stringContaining('readmodels.sqlite.damaged-'),
    });
    expect((await sagerIn(api)).total).toBe(sager);
  });

  it('answers correctly afterwards, and is consistent with the log once stopped', async () => {
    await expectAnswersCorrectly(api);
    await api.stop('SIGTERM');
    await expectConsistent(dir);
  });
});

describe('Fault: a damaged event store', () => {
  it('stops the API at start-up with a message naming the file and what to do', async () => {
    const dir = copyOfPristine('damaged-log');
    overwrite(join(dir, 'events.sqlite'), 0, Buffer.alloc(100, 0x41));
    const started = ChildApi.start(dir);
    await expect(started).rejects.toThrow(new RegExp(`${join(dir, 'events.sqlite')} is damaged.*sagsgang restore --from`));
  }, 60_000);
});

describe('Fault: the tail of the event store’s WAL cut off after a crash', () => {
  let dir: string;
  let api: ChildApi;
  beforeAll(async () => {
    dir = copyOfPristine('cut-wal');
    api = await ChildApi.start(dir);
    await workOn(api, 8);
    await api.stop('SIGKILL');
    // A WAL frame is a 24-byte header and a 4 KB page: three of them are the newest commits.
    const wal = join(dir, 'events.sqlite-wal');
    truncateSync(wal, statSync(wal).size - 3 * (24 + 4096));
    api = await ChildApi.start(dir);
  }, 90_000);
  afterAll(() => api.stop('SIGKILL'));

  it('finds the read models ahead of the shorter log and rebuilds them', async () => {
    const health = await waitUntilCaughtUp(api);
    expect(health.readModels.lastRebuild?.reason).toMatch(/ahead of the log|another event/);
  });

  it('answers correctly afterwards, and is consistent with the log once stopped', async () => {
    await expectAnswersCorrectly(api);
    await api.stop('SIGTERM');
    await expectConsistent(dir);
  });
});

function overwrite(file: string, at: number, bytes: Buffer): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, bytes, 0, bytes.length, at);
  closeSync(fd);
}
