import { ProjectionRunner } from '../src';
import { appendMany, event, opretSag } from './support/events';
import { Fixture, STORE_KINDS } from './support/fixture';
import { Count, countingProjection, Sag, sagerProjection, TOTAL } from './support/projections';

describe.each(STORE_KINDS)('ProjectionRunner on the %s event store', (kind) => {
  let fixture: Fixture;
  beforeEach(() => (fixture = new Fixture(kind)));
  afterEach(() => fixture.close());

  it('catches up with events appended before it started', async () => {
    // given
    const { position } = await appendMany(fixture.eventStore, 25, 5);
    const runner = fixture.runner([countingProjection()]);
    // when
    await runner.start();
    await runner.waitForPosition(position, 5000);
    // then
    const readModels = fixture.readModels([countingProjection()]);
    expect(readModels.get<Count>('counts', TOTAL)).toEqual({ events: 25, lastPosition: position, duplicates: 0 });
  });

  it('applies events appended while it runs', async () => {
    // given
    const runner = fixture.runner([sagerProjection()]);
    await runner.start();
    // when
    await opretSag(fixture.eventStore, '1', { titel: 'Budget 2026' });
    const { position } = await fixture.eventStore.append('sag-1', [event('StatusSkiftet', { status: 'indstillet' })]);
    await runner.waitForPosition(position, 5000);
    // then
    expect(fixture.readModels([sagerProjection()]).get<Sag>('sager', '1')).toMatchObject({ status: 'indstillet' });
  });

  it('resolves waitForPosition for events its projections filter out', async () => {
    // given a projection that only sees sag- streams
    const runner = fixture.runner([sagerProjection()]);
    await runner.start();
    // when only other streams are appended to
    const { position } = await fixture.eventStore.append('moede-1', [event('MoedeIndkaldt'), event('PunktTilfoejet')]);
    // then
    await expect(runner.waitForPosition(position, 2000)).resolves.toBeUndefined();
    expect(runner.status()).toEqual([expect.objectContaining({ name: 'sager', checkpoint: position })]);
  });

  it('rejects waitForPosition when the position is not reached in time', async () => {
    // given a runner that is not started
    const runner = fixture.runner([countingProjection()]);
    const { position } = await appendMany(fixture.eventStore, 1);
    // when / then
    await expect(runner.waitForPosition(position, 50)).rejects.toMatchObject({ name: 'PositionNotReached', position });
  });

  it('waits only for the named projections when asked to', async () => {
    // given a runner whose sager projection has failed
    const failing = sagerProjection({ failOn: () => true });
    const runner = fixture.runner([failing, countingProjection()]);
    await runner.start();
    // when
    const { position } = await opretSag(fixture.eventStore, '1', { titel: 'Fejler' });
    // then
    await expect(runner.waitForPosition(position, 2000, ['counts'])).resolves.toBeUndefined();
    await expect(runner.waitForPosition(position, 2000)).rejects.toMatchObject({ name: 'ProjectionFailed' });
    await expect(runner.waitForPosition(position, 2000, ['ukendt'])).rejects.toThrow(/Unknown projection/);
  });

  it('reports each projection’s checkpoint, the head and the lag', async () => {
    // given
    const runner = fixture.runner([countingProjection(), sagerProjection()]);
    await runner.start();
    const { position } = await appendMany(fixture.eventStore, 8);
    await runner.waitForPosition(position, 5000);
    await runner.stop();
    // when
    await appendMany(fixture.eventStore, 3);
    // then
    expect(await runner.lag()).toEqual([
      { name: 'counts', version: 1, checkpoint: 8, head: 11, lag: 3, state: 'stopped', error: undefined },
      { name: 'sager', version: 1, checkpoint: 8, head: 11, lag: 3, state: 'stopped', error: undefined },
    ]);
  });

  it('applies nothing more once stopped', async () => {
    // given
    const runner = fixture.runner([countingProjection()]);
    await runner.start();
    const { position } = await appendMany(fixture.eventStore, 5);
    await runner.waitForPosition(position, 5000);
    // when
    await runner.stop();
    await appendMany(fixture.eventStore, 5);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // then
    expect(fixture.readModels([countingProjection()]).checkpoint('counts').position).toBe(position);
    expect(runner.status()[0]).toMatchObject({ state: 'stopped', checkpoint: position });
  });

  it('continues where it stopped when started again', async () => {
    // given
    const runner = fixture.runner([countingProjection()]);
    await runner.start();
    await appendMany(fixture.eventStore, 5);
    await runner.stop();
    const { position } = await appendMany(fixture.eventStore, 5);
    // when
    await runner.start();
    await runner.waitForPosition(position, 5000);
    // then
    const total = fixture.readModels([countingProjection()]).get<Count>('counts', TOTAL);
    expect(total).toEqual({ events: 10, lastPosition: position, duplicates: 0 });
  });
});

describe('ProjectionRunner batches', () => {
  let fixture: Fixture;
  beforeEach(() => (fixture = new Fixture('sqlite')));
  afterEach(() => fixture.close());

  it('writes a live event before a full batch has gathered', async () => {
    // given a runner with a large batch size, caught up
    const runner: ProjectionRunner = fixture.runner([countingProjection()], { batchSize: 10_000 });
    await runner.start();
    // when a single event is appended
    const { position } = await appendMany(fixture.eventStore, 1);
    // then it is applied promptly
    const started = Date.now();
    await runner.waitForPosition(position, 1000);
    expect(Date.now() - started).toBeLessThan(500);
  });
});
