import { MemoryEventStore } from '@sagsgang/event-store';
import { ProjectionRunner, ReadModelStore, readModelsFile } from '../src';
import { appendMany } from './support/events';
import { Fixture } from './support/fixture';
import { Count, countingProjection, TOTAL } from './support/projections';
import { diskFull, UnreliableStore, unavailable } from './support/unreliable-store';

/** Polls until `check` holds, for the few hundred milliseconds a back-off takes. */
async function eventually(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('the condition did not come true in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('ProjectionRunner when the log or the read model file fails for a while', () => {
  let fixture: Fixture;
  let store: UnreliableStore;
  beforeEach(() => {
    fixture = new Fixture('memory');
    store = new UnreliableStore(fixture.eventStore);
  });
  afterEach(() => fixture.close());

  const runnerOn = (eventStore = store) => {
    const readModels = fixture.readModels([countingProjection()]);
    const runner = new ProjectionRunner({ eventStore, readModels, batchSize: 10, logCheckIntervalMs: 50 });
    return { runner, readModels, stop: () => runner.stop() };
  };

  it('subscribes again after the subscription fails with an unavailable server, applying every event once', async () => {
    // given a subscription cut off after 15 events
    store.cuts.push({ after: 15, error: unavailable() });
    const { position } = await appendMany(store, 40);
    const { runner, readModels, stop } = runnerOn();
    // when
    await runner.start();
    await runner.waitForPosition(position, 5000);
    // then
    expect(readModels.get<Count>('counts', TOTAL)).toEqual({ events: 40, lastPosition: position, duplicates: 0 });
    expect(runner.incidents().reconnects).toBe(1);
    expect(runner.status()[0].state).toBe('running');
    await stop();
  });

  it('does not say running while a subscription that simply ended is being replaced', async () => {
    // given a subscription that ends after 5 events, and another that fails at once twice
    store.cuts.push({ after: 5 }, { after: 0, error: unavailable() }, { after: 0, error: unavailable() });
    const { position } = await appendMany(store, 20);
    const { runner, stop } = runnerOn();
    const states = new Set<string>();
    // when
    await runner.start();
    const watching = setInterval(() => states.add(runner.status()[0].state), 5);
    await runner.waitForPosition(position, 5000);
    clearInterval(watching);
    // then
    expect(states).toContain('retrying');
    expect(runner.incidents().reconnects).toBe(3);
    await stop();
  });

  it('stops for good on a fault that trying again cannot mend', async () => {
    // given
    store.cuts.push({ after: 2, error: new TypeError('event 7 does not hold a JSON object') });
    const { position } = await appendMany(store, 10);
    const { runner, stop } = runnerOn();
    // when
    await runner.start();
    // then
    await expect(runner.waitForPosition(position, 5000)).rejects.toThrow(/does not hold a JSON object/);
    expect(runner.status()[0]).toMatchObject({ state: 'failed', error: expect.stringContaining('JSON object') });
    await stop();
  });

  it('goes on retrying while the read model file is full, and resumes by itself when space returns', async () => {
    // given commits that fail as on a full disk, three times
    const { runner, readModels, stop } = runnerOn();
    const transaction = readModels.transaction.bind(readModels);
    let refusals = 3;
    jest.spyOn(readModels, 'transaction').mockImplementation((work) => {
      if (refusals-- > 0) throw diskFull();
      return transaction(work);
    });
    await runner.start();
    // when
    const { position } = await appendMany(store, 12);
    await eventually(() => runner.status()[0].state === 'retrying');
    expect(runner.status()[0].error).toMatch(/disk is full/);
    // then
    await runner.waitForPosition(position, 10_000);
    expect(readModels.get<Count>('counts', TOTAL)).toEqual({ events: 12, lastPosition: position, duplicates: 0 });
    expect(runner.status()[0].state).toBe('running');
    await stop();
  });
});

describe('ProjectionRunner whose checkpoints are not in the log', () => {
  let fixture: Fixture;
  beforeEach(() => (fixture = new Fixture('sqlite')));
  afterEach(() => fixture.close());

  async function projectAll(eventStore: Fixture['eventStore'] | UnreliableStore, readModels: ReadModelStore) {
    const runner = new ProjectionRunner({ eventStore, readModels, logCheckIntervalMs: 50 });
    await runner.start();
    await runner.waitForPosition(await eventStore.headPosition(), 5000);
    return runner;
  }

  it('rebuilds every read model when they were built from another store, and says why', async () => {
    // given read models built from the fixture's store
    await appendMany(fixture.eventStore, 30);
    const readModels = fixture.readModels([countingProjection()]);
    await (await projectAll(fixture.eventStore, readModels)).stop();
    // when a runner starts on the same read models with another store holding fewer events
    const other = new MemoryEventStore();
    const { position } = await appendMany(other, 5);
    const runner = await projectAll(other, readModels);
    // then
    expect(readModels.get<Count>('counts', TOTAL)).toEqual({ events: 5, lastPosition: position, duplicates: 0 });
    expect(runner.incidents().lastRebuild?.reason).toMatch(/another event store/);
    await runner.stop();
  });

  it('rebuilds when the log no longer holds the event at the checkpoint, though it reaches that far again', async () => {
    // given read models at the end of a log that is then replaced by another one of the same store's length
    await appendMany(fixture.eventStore, 20);
    const store = new UnreliableStore(fixture.eventStore);
    const readModels = fixture.readModels([countingProjection()]);
    await (await projectAll(store, readModels)).stop();
    const restored = new MemoryEventStore();
    await appendMany(restored, 25);
    jest.spyOn(restored, 'identity').mockImplementation(() => fixture.eventStore.identity());
    store.swap(restored);
    // when
    const runner = await projectAll(store, readModels);
    // then
    expect(runner.incidents().lastRebuild?.reason).toMatch(/another event at the checkpoint's position 20/);
    expect(readModels.get<Count>('counts', TOTAL)).toMatchObject({ events: 25, duplicates: 0 });
    await runner.stop();
  });

  it('notices while running that the log was replaced by an older copy, and rebuilds', async () => {
    // given a running runner at position 20
    await appendMany(fixture.eventStore, 20);
    const store = new UnreliableStore(fixture.eventStore);
    const readModels = new ReadModelStore(readModelsFile(fixture.dir), [countingProjection()]);
    const runner = await projectAll(store, readModels);
    // when the store underneath is swapped for a copy of its first 8 events
    const older = new MemoryEventStore();
    const { position } = await appendMany(older, 8);
    jest.spyOn(older, 'identity').mockImplementation(() => fixture.eventStore.identity());
    store.swap(older);
    // then
    await eventually(() => runner.incidents().lastRebuild !== undefined);
    await runner.waitForPosition(position, 5000);
    expect(runner.incidents().lastRebuild?.reason).toMatch(/ahead of the log/);
    expect(readModels.get<Count>('counts', TOTAL)).toEqual({ events: 8, lastPosition: position, duplicates: 0 });
    await runner.stop();
    readModels.close();
  });
});
