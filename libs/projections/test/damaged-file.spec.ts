import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, statSync, truncateSync, writeSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { ReadModelsInUse, ReadModelStore, readModelsFile, setAsideIfDamaged } from '../src';
import { appendMany } from './support/events';
import { Fixture } from './support/fixture';
import { countingProjection } from './support/projections';

/** Read models of 600 events, closed, as a stopped API leaves them. */
async function builtReadModels(fixture: Fixture): Promise<string> {
  const file = readModelsFile(fixture.dir);
  const readModels = new ReadModelStore(file, [countingProjection()]);
  const runner = fixture.runner([countingProjection()], { readModels });
  await runner.start();
  await runner.waitForPosition((await appendMany(fixture.eventStore, 600, 600)).position, 10_000);
  await runner.stop();
  readModels.close();
  return file;
}

function overwrite(file: string, at: number, bytes: Buffer): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, bytes, 0, bytes.length, at);
  closeSync(fd);
}

const damagedCopies = (file: string) => readdirSync(dirname(file)).filter((name) => name.startsWith(`${basename(file)}.damaged-`));

describe('a damaged read model file', () => {
  let fixture: Fixture;
  beforeEach(() => (fixture = new Fixture('sqlite')));
  afterEach(() => fixture.close());

  it.each<[string, (file: string) => void]>([
    ['garbage in its header', (file) => overwrite(file, 0, Buffer.alloc(100, 0x41))],
    ['its second half cut off', (file) => truncateSync(file, Math.floor(statSync(file).size / 2))],
    [
      'random bytes over pages in its middle',
      (file) => overwrite(file, Math.floor(statSync(file).size / 2 / 16384) * 16384, randomBytes(32768)),
    ],
  ])('with %s is moved aside, and a new one can be opened in its place', async (_name, damage) => {
    // given
    const file = await builtReadModels(fixture);
    damage(file);
    // when
    const setAside = setAsideIfDamaged(file);
    // then
    expect(setAside).toMatchObject({ problem: expect.any(String), movedTo: expect.stringContaining('.damaged-') });
    expect(damagedCopies(file)).toEqual([basename(setAside!.movedTo)]);
    expect(existsSync(file)).toBe(false);
    const fresh = fixture.readModels([countingProjection()]);
    expect(fresh.checkpoint('counts').position).toBe(0);
  });

  it('is left as it is when sound', async () => {
    const file = await builtReadModels(fixture);
    expect(setAsideIfDamaged(file)).toBeUndefined();
    expect(damagedCopies(file)).toEqual([]);
  });

  it('is left alone while another process has it open, if asked', async () => {
    const file = await builtReadModels(fixture);
    const other = new BetterSqlite3(file);
    other.pragma('journal_mode = WAL');
    other.prepare('SELECT 1 FROM checkpoints').get();
    try {
      expect(() => setAsideIfDamaged(file, { ifUnused: true })).toThrow(ReadModelsInUse);
    } finally {
      other.close();
    }
  });
});
