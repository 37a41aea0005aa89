import { appendMany, event } from './support/events';
import { buildLive as buildLiveIn, Fixture, STORE_KINDS } from './support/fixture';
import { Count, countingProjection, sagerProjection, TOTAL } from './support/projections';

const projections = () => [sagerProjection(), countingProjection()];

describe.each(STORE_KINDS)('Rebuild on the %s event store', (kind) => {
  let fixture: Fixture;
  beforeEach(() => (fixture = new Fixture(kind)));
  afterEach(() => fixture.close());

  const buildLive = () => buildLiveIn(fixture, projections());

  it('reproduces the live read models byte for byte', async () => {
    // given
    const { runner, position } = await buildLive();
    const live = runner.digest();
    // when
    const rebuilt = await runner.rebuild();
    // then
    expect(rebuilt.position).toBe(position);
    expect(runner.digest()).toBe(live);
    const total = fixture.readModels(projections()).get<Count>('counts', TOTAL);
    expect(total).toMatchObject({ events: position, duplicates: 0 });
  });

  it('gives the same digest into a separate read model file', async () => {
    // given
    const { runner } = await buildLive();
    // when
    const readModels = fixture.readModels(projections(), `${fixture.dir}/replay.sqlite`);
    const replay = fixture.runner(projections(), { readModels });
    await replay.rebuild();
    // then
    expect(replay.digest()).toBe(runner.digest());
  });

  it('gives the same read models whatever the batch and cache sizes', async () => {
    // given read models built live in batches of up to 7 events
    const { runner } = await buildLive();
    // when replayed in batches of 3 with a cache of 1 document, and in one batch
    const replay = async (file: string, batchSize: number, cacheSize: number) => {
      const readModels = fixture.readModels(projections(), `${fixture.dir}/${file}`);
      const other = fixture.runner(projections(), { readModels, batchSize, cacheSize });
      await other.rebuild();
      return other.digest();
    };
    // then
    expect(await replay('small.sqlite', 3, 1)).toBe(runner.digest());
    expect(await replay('large.sqlite', 100_000, 100_000)).toBe(runner.digest());
  });

  it('leaves a stopped runner stopped', async () => {
    // given
    await appendMany(fixture.eventStore, 3);
    const runner = fixture.runner(projections());
    // when
    await runner.rebuild();
    // then
    const states = runner.status().map((status) => [status.state, status.checkpoint]);
    expect(states).toEqual([
      ['stopped', 3],
      ['stopped', 3],
    ]);
  });

  it('changes the digest when a document changes', async () => {
    // given
    const { runner } = await buildLive();
    const before = runner.digest();
    // when
    const { position } = await fixture.eventStore.append('sag-1', [event('StatusSkiftet', { status: 'genoptaget' })]);
    await runner.waitForPosition(position, 5000);
    // then
    expect(runner.digest()).not.toBe(before);
  });
});
