import { join } from 'node:path';
import { AnyProjection, FoldThreads, ProjectionFailed, ReadModelsInUse, readModelsFile, replayReadModels, ReplayWriter } from '../src';
import { buildLive, buildLive as buildLiveIn, Fixture, STORE_KINDS } from './support/fixture';
import type { FoldThreadSetup } from './support/fold-thread';
import { countingProjection, sagerProjection } from './support/projections';

describe.each(STORE_KINDS)('replayReadModels on the %s event store', (kind) => {
  let fixture: Fixture;
  beforeEach(() => (fixture = new Fixture(kind)));
  afterEach(() => fixture.close());

  async function buildLive() {
    const { runner, position } = await buildLiveIn(fixture, [sagerProjection(), countingProjection()]);
    return { digest: runner.digest(), position };
  }

  /** Replays into `file` through a writer thread of its own, as `sagsgang replay` does. */
  async function replay(projections: AnyProjection[], file = readModelsFile(fixture.dir)) {
    const writer = await ReplayWriter.open(file, projections);
    try {
      return await replayReadModels(fixture.eventStore, writer);
    } finally {
      await writer.close();
    }
  }

  it('gives the digest of the live read models, with every checkpoint at the head', async () => {
    // given
    const live = await buildLive();
    const readModels = fixture.readModels([sagerProjection(), countingProjection()], `${fixture.dir}/replay.sqlite`);
    // when
    const replayed = await replay([sagerProjection(), countingProjection()], `${fixture.dir}/replay.sqlite`);
    // then
    expect(replayed).toEqual({ position: live.position, events: live.position });
    expect(readModels.digest()).toBe(live.digest);
    expect([readModels.checkpoint('sager').position, readModels.checkpoint('counts').position]).toEqual([live.position, live.position]);
  });

  it('replaces read models that were already built, twice over', async () => {
    // given
    const live = await buildLive();
    const readModels = fixture.readModels([sagerProjection(), countingProjection()]);
    // when
    await replay([sagerProjection(), countingProjection()]);
    await replay([sagerProjection(), countingProjection()]);
    // then
    expect(readModels.digest()).toBe(live.digest);
  });

  it('writes nothing when a projection fails, leaving the read models as they were', async () => {
    // given
    const live = await buildLive();
    const failing = sagerProjection({ failOn: (recorded) => recorded.streamName === 'sag-7' });
    const readModels = fixture.readModels([failing, countingProjection()]);
    // when
    const replayed = replay([failing, countingProjection()]);
    // then
    await expect(replayed).rejects.toBeInstanceOf(ProjectionFailed);
    expect(readModels.digest()).toBe(live.digest);
  });

  it('replays an empty log into empty read models', async () => {
    const readModels = fixture.readModels([sagerProjection(), countingProjection()]);
    expect(await replay([sagerProjection(), countingProjection()])).toEqual({ position: 0, events: 0 });
    expect(readModels.find('sager').total).toBe(0);
  });

  it('refuses an exclusive replay while another connection has the file open', async () => {
    fixture.readModels([sagerProjection(), countingProjection()]);
    const opening = ReplayWriter.open(readModelsFile(fixture.dir), [sagerProjection(), countingProjection()], { exclusive: true });
    await expect(opening).rejects.toBeInstanceOf(ReadModelsInUse);
  });
});

describe('replayReadModels with fold threads, each a share of the streams', () => {
  const SCRIPT = join(__dirname, 'support', 'fold-thread');
  let fixture: Fixture;
  let threads: FoldThreads | undefined;
  beforeEach(() => (fixture = new Fixture('sqlite')));
  afterEach(async () => {
    await threads?.close();
    threads = undefined;
    await fixture.close();
  });

  /** Replays `file` with `count` threads running support/fold-thread.ts with `projection`. */
  async function replay(
    file: string,
    projections: AnyProjection[],
    count: number,
    projection: FoldThreadSetup['projection'] = { sager: {} },
  ) {
    const setup: FoldThreadSetup = { log: join(fixture.dir, 'events.sqlite'), projection };
    threads = await FoldThreads.start(SCRIPT, { count, workerData: setup });
    const writer = await ReplayWriter.open(file, projections);
    try {
      return await replayReadModels(fixture.eventStore, writer, threads);
    } finally {
      await writer.close();
    }
  }

  it.each([2, 3])('gives the digest of the live read models with %i threads', async (count) => {
    // given
    const { runner, position } = await buildLive(fixture, [sagerProjection()]);
    const readModels = fixture.readModels([sagerProjection()], `${fixture.dir}/replay.sqlite`);
    // when
    const replayed = await replay(`${fixture.dir}/replay.sqlite`, [sagerProjection()], count);
    // then: every event was read by exactly one thread
    expect(replayed).toEqual({ position, events: position });
    expect(readModels.find('sager').total).toBeGreaterThan(0);
    expect(readModels.digest()).toBe(runner.digest());
  });

  it('writes nothing when a projection fails in a thread, and says which', async () => {
    // given
    const { runner } = await buildLive(fixture, [sagerProjection()]);
    const live = runner.digest();
    await runner.stop();
    // when
    const replayed = replay(readModelsFile(fixture.dir), [sagerProjection()], 2, { sager: { failOn: 'sag-7' } });
    // then
    await expect(replayed).rejects.toMatchObject({ name: 'ProjectionFailed', message: expect.stringContaining('sager') });
    expect(fixture.readModels([sagerProjection()]).digest()).toBe(live);
  });

  it('refuses to fold by share a projection whose documents span streams', async () => {
    await buildLive(fixture, [sagerProjection()]);
    const replayed = replay(`${fixture.dir}/replay.sqlite`, [countingProjection()], 2, 'counts');
    await expect(replayed).rejects.toThrow('projection "counts" does not declare documentsPerStream');
  });

  it('folds such a projection in one thread, over the whole log', async () => {
    const { runner, position } = await buildLive(fixture, [countingProjection()]);
    const readModels = fixture.readModels([countingProjection()], `${fixture.dir}/replay.sqlite`);
    expect(await replay(`${fixture.dir}/replay.sqlite`, [countingProjection()], 1, 'counts')).toEqual({ position, events: position });
    expect(readModels.digest()).toBe(runner.digest());
  });
});
