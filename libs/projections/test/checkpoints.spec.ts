import type { LoggedEvent } from '@sagsgang/event-store';
import { appendMany, event, opretSag } from './support/events';
import { Fixture } from './support/fixture';
import { Count, countingProjection, Sag, sagerProjection, TOTAL } from './support/projections';

describe('Checkpoints', () => {
  let fixture: Fixture;
  beforeEach(() => (fixture = new Fixture('sqlite')));
  afterEach(() => fixture.close());

  it('let a new runner on the same files continue without reapplying an event', async () => {
    // given a runner that applied 20 events, then stopped
    const first = fixture.runner([countingProjection()]);
    await first.start();
    await first.waitForPosition((await appendMany(fixture.eventStore, 20)).position, 5000);
    await first.stop();
    const { position } = await appendMany(fixture.eventStore, 7);
    // when a new runner with a new read model connection starts
    const applied: number[] = [];
    const projection = countingProjection({ onEvolve: (e) => applied.push(e.position) });
    const second = fixture.runner([projection]);
    await second.start();
    await second.waitForPosition(position, 5000);
    // then it applied only the 7 new events, once each
    expect(new Set(applied)).toEqual(new Set([21, 22, 23, 24, 25, 26, 27]));
    const total = fixture.readModels([projection]).get<Count>('counts', TOTAL);
    expect(total).toEqual({ events: 27, lastPosition: 27, duplicates: 0 });
  });

  describe('when evolve throws in the middle of a batch', () => {
    const failing = (e: LoggedEvent) => e.type === 'Uventet';

    async function runIntoFailure() {
      await opretSag(fixture.eventStore, '1', { titel: 'Før fejlen' });
      const runner = fixture.runner([sagerProjection({ failOn: failing }), countingProjection()], { batchSize: 1000 });
      await runner.start();
      await runner.waitForPosition(1, 5000);
      await runner.stop();
      // One batch: a change, the failing event, another change; all delivered together on restart.
      await fixture.eventStore.append('sag-1', [event('StatusSkiftet', { status: 'indstillet' })]);
      await fixture.eventStore.append('sag-1', [event('Uventet')]);
      const { position } = await opretSag(fixture.eventStore, '2', { titel: 'Efter fejlen' });
      await runner.start();
      return { runner, position };
    }

    it('writes nothing of that batch and keeps the checkpoint', async () => {
      // given / when
      const { runner, position } = await runIntoFailure();
      const failure = { name: 'ProjectionFailed', projection: 'sager', position: 3 };
      await expect(runner.waitForPosition(position, 5000)).rejects.toMatchObject(failure);
      // then
      const readModels = fixture.readModels([sagerProjection()]);
      expect(readModels.checkpoint('sager').position).toBe(1);
      expect(readModels.get<Sag>('sager', '1')).toMatchObject({ status: 'oprettet' });
      expect(readModels.get<Sag>('sager', '2')).toBeNull();
    });

    it('reports the failure in lag() while the other projections go on', async () => {
      // given / when
      const { runner, position } = await runIntoFailure();
      await runner.waitForPosition(position, 5000, ['counts']);
      // then
      const [sager, counts] = await runner.lag();
      const error = expect.stringContaining('cannot apply Uventet');
      expect(sager).toMatchObject({ name: 'sager', state: 'failed', checkpoint: 1, lag: 3, error });
      expect(counts).toMatchObject({ name: 'counts', state: 'running', checkpoint: position, lag: 0 });
    });

    it('logs the failure through the injected logger', async () => {
      // given
      await opretSag(fixture.eventStore, '1', { titel: 'x' });
      const { position } = await fixture.eventStore.append('sag-1', [event('Uventet')]);
      const logger = jest.fn();
      const runner = fixture.runner([sagerProjection({ failOn: failing })], { logger });
      // when
      await runner.start();
      await runner.waitForPosition(position, 5000).catch(() => undefined);
      // then
      expect(logger).toHaveBeenCalledWith(
        'error',
        expect.stringContaining('Projection sager failed at position 2 (Uventet)'),
        expect.objectContaining({ projection: 'sager', checkpoint: 0 }),
      );
    });

    it('applies the batch exactly once after the fix and a restart', async () => {
      // given
      const { runner, position } = await runIntoFailure();
      await runner.waitForPosition(position, 5000).catch(() => undefined);
      await runner.stop();
      // when the fixed code starts on the same files
      const applied: number[] = [];
      const counts = countingProjection({ onEvolve: (e) => applied.push(e.position) });
      const fixed = fixture.runner([sagerProjection(), counts]);
      await fixed.start();
      await fixed.waitForPosition(position, 5000);
      // then
      const readModels = fixture.readModels([sagerProjection(), countingProjection()]);
      expect(readModels.get<Sag>('sager', '1')).toMatchObject({ status: 'indstillet' });
      expect(readModels.get<Sag>('sager', '2')).toMatchObject({ titel: 'Efter fejlen' });
      expect(readModels.get<Count>('counts', TOTAL)).toEqual({ events: 4, lastPosition: 4, duplicates: 0 });
      expect(applied).toEqual([]);
    });
  });

  it('rebuild a projection from position 0 when its version changes', async () => {
    // given sager built at version 1, then a sag deleted from the read model by hand
    await opretSag(fixture.eventStore, '1', { titel: 'A' });
    const { position } = await opretSag(fixture.eventStore, '2', { titel: 'B' });
    const v1 = fixture.runner([sagerProjection({ version: 1 }), countingProjection()]);
    await v1.start();
    await v1.waitForPosition(position, 5000);
    await v1.stop();
    // when version 2 starts
    const logger = jest.fn();
    const applied: number[] = [];
    const counts = countingProjection({ onEvolve: (e) => applied.push(e.position) });
    const v2 = fixture.runner([sagerProjection({ version: 2 }), counts], { logger });
    await v2.start();
    await v2.waitForPosition(position, 5000);
    // then sager was rebuilt from 0, counts untouched
    const warning = expect.stringContaining('sager will be rebuilt from position 0: version 1 → 2');
    expect(logger).toHaveBeenCalledWith('warn', warning);
    expect(fixture.readModels([sagerProjection({ version: 2 })]).find<Sag>('sager').total).toBe(2);
    expect(v2.status().map((s) => [s.name, s.version, s.checkpoint])).toEqual([
      ['sager', 2, 2],
      ['counts', 1, 2],
    ]);
    expect(applied).toEqual([]);
  });

  it('rebuild a projection whose columns changed without a version bump', async () => {
    // given sager built with its columns
    const { position } = await opretSag(fixture.eventStore, '1', { titel: 'A' });
    const before = fixture.runner([sagerProjection()]);
    await before.start();
    await before.waitForPosition(position, 5000);
    await before.stop();
    // when the same version declares one column less
    const { status: _dropped, ...columns } = sagerProjection().columns!;
    const narrower = { ...sagerProjection(), columns };
    const readModels = fixture.readModels([narrower]);
    // then
    expect(readModels.installed).toEqual([
      { projection: 'sager', outcome: 'rebuilt', reason: 'the table does not match the declared columns' },
    ]);
    expect(readModels.checkpoint('sager').position).toBe(0);
  });
});
