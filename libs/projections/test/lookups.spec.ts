import { ReadModelTable } from '../src/read-model-table';
import { event, opretSag } from './support/events';
import { Fixture } from './support/fixture';
import { Sag, sagerProjection } from './support/projections';

describe('Document lookups while a projection is built from an empty table', () => {
  let fixture: Fixture;
  let load: jest.SpyInstance;
  beforeEach(() => {
    fixture = new Fixture('sqlite');
    load = jest.spyOn(ReadModelTable.prototype, 'load');
  });
  afterEach(async () => {
    load.mockRestore();
    await fixture.close();
  });

  it('looks up only documents it has stored and no longer holds, until it has caught up', async () => {
    // given 20 sager, each changed again after 10 more sager were created
    for (let i = 1; i <= 20; i++) {
      await opretSag(fixture.eventStore, String(i), { titel: `Sag ${i}` });
      if (i > 10) await fixture.eventStore.append(`sag-${i - 10}`, [event('StatusSkiftet', { status: 'afgjort' })]);
    }
    const runner = fixture.runner([sagerProjection()], { batchSize: 5, cacheSize: 2 });
    // when it catches up in batches of 5 events with room for few documents
    await runner.start();
    await runner.waitForPosition(30, 5000);
    // then sager met for the first time were not looked up; some changed ones were, having left the cache
    const looked = new Set(load.mock.calls.map(([id]) => id as string));
    expect([...looked].every((id) => Number(id) <= 10)).toBe(true);
    expect(looked.size).toBeGreaterThan(0);
    // and once live, a document it has not met is looked up again (it may have been written meanwhile)
    load.mockClear();
    await opretSag(fixture.eventStore, '21', { titel: 'Sag 21' });
    await runner.waitForPosition(31, 5000);
    expect(load.mock.calls.map(([id]) => id)).toEqual(['21']);
    expect(fixture.readModels([sagerProjection()]).get<Sag>('sager', '1')).toMatchObject({ status: 'afgjort' });
  });
});
