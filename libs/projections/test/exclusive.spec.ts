import BetterSqlite3 from 'better-sqlite3';
import { ProjectionRunner, ReadModelsInUse, ReadModelStore, readModelsFile } from '../src';
import { appendMany } from './support/events';
import { Fixture } from './support/fixture';
import { countingProjection, sagerProjection } from './support/projections';

const projections = () => [sagerProjection(), countingProjection()];

describe('A read model store opened for exclusive use (a rebuild outside the API)', () => {
  let fixture: Fixture;
  beforeEach(() => (fixture = new Fixture('sqlite')));
  afterEach(() => fixture.close());

  it('is refused at once while another connection has the file open', () => {
    // given the file open as the API opens it
    fixture.readModels(projections());
    // when / then
    expect(() => new ReadModelStore(readModelsFile(fixture.dir), projections(), { exclusive: true })).toThrow(ReadModelsInUse);
  });

  it('keeps every other connection out until it is closed', () => {
    // given
    const exclusive = new ReadModelStore(readModelsFile(fixture.dir), projections(), { exclusive: true });
    const other = new BetterSqlite3(readModelsFile(fixture.dir), { timeout: 0 });
    try {
      // when / then
      expect(() => other.prepare('SELECT position FROM checkpoints').all()).toThrow(/locked/);
      exclusive.close();
      expect(other.prepare('SELECT projection FROM checkpoints ORDER BY projection').pluck().all()).toEqual(['counts', 'sager']);
    } finally {
      exclusive.close();
      other.close();
    }
  });

  it('rebuilds the read models like any other store', async () => {
    // given read models built live in another file
    await appendMany(fixture.eventStore, 25, 5);
    const live = fixture.runner(projections(), { readModels: fixture.readModels(projections(), `${fixture.dir}/live.sqlite`) });
    await live.start();
    await live.waitForPosition(25, 5000);
    // when the log is rebuilt into an exclusive store
    const readModels = new ReadModelStore(readModelsFile(fixture.dir), projections(), { exclusive: true });
    try {
      const replay = new ProjectionRunner({ eventStore: fixture.eventStore, readModels });
      const result = await replay.rebuild();
      // then
      expect(result).toEqual({ position: 25, events: 25 });
      expect(replay.digest()).toBe(live.digest());
    } finally {
      readModels.close();
    }
  });
});
