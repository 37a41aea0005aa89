import BetterSqlite3 from 'better-sqlite3';
import { readModelsFile, ReadModelStore, validateProjections } from '../src';
import { opretSag } from './support/events';
import { Fixture } from './support/fixture';
import { Sag, sagerProjection } from './support/projections';

/** The sager projection of the tests, listed in sagsnummer order. */
const ordered = () => ({ ...sagerProjection(), orderedBy: 'sagsnummer' });

function indexesOf(file: string): string[] {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'rm_sager' AND sql IS NOT NULL ORDER BY name`)
      .pluck()
      .all() as string[];
  } finally {
    db.close();
  }
}

function planOf(file: string, sql: string, ...params: unknown[]): string {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((row) => row.detail).join('; ');
  } finally {
    db.close();
  }
}

describe('Read model indexes with orderedBy', () => {
  let fixture: Fixture;
  let file: string;

  beforeEach(async () => {
    fixture = new Fixture('memory');
    file = readModelsFile(fixture.dir);
    const runner = fixture.runner([sagerProjection()]);
    await runner.start();
    await opretSag(fixture.eventStore, '1', { titel: 'A', udvalg: 'Byrådet' });
    const { position } = await opretSag(fixture.eventStore, '2', { titel: 'B', udvalg: 'Byrådet' });
    await runner.waitForPosition(position, 5000);
    await runner.stop();
  });
  afterEach(() => fixture.close());

  it('replaces the indexes of a table built without an order, keeping its documents', () => {
    expect(indexesOf(file)).toEqual(['rm_sager__sagsnummer', 'rm_sager__status', 'rm_sager__titel', 'rm_sager__udvalg']);

    const store = fixture.readModels([ordered()]);

    expect(store.installed).toEqual([{ projection: 'sager', outcome: 'kept' }]);
    expect(store.find<Sag>('sager', { where: { udvalg: 'Byrådet' }, orderBy: 'sagsnummer' }).total).toBe(2);
    store.close();
    expect(indexesOf(file)).toEqual([
      'rm_sager__sagsnummer__id',
      'rm_sager__status__sagsnummer__id',
      'rm_sager__titel__sagsnummer__id',
      'rm_sager__udvalg__sagsnummer__id',
    ]);
  });

  it('reads a filtered page in order from one index, without sorting the matches', () => {
    fixture.readModels([ordered()]).close();

    const plan = planOf(file, 'SELECT document FROM rm_sager WHERE udvalg = ? ORDER BY sagsnummer DESC, id DESC LIMIT 20', 'Byrådet');

    expect(plan).toContain('rm_sager__udvalg__sagsnummer__id');
    expect(plan).not.toContain('TEMP B-TREE');
  });

  it('refuses an orderedBy that is not one of the columns', () => {
    expect(() => validateProjections([{ ...sagerProjection(), orderedBy: 'oprettet' }])).toThrow(
      'orderedBy "oprettet" is not one of its columns',
    );
    expect(() => new ReadModelStore(file, [{ ...sagerProjection(), orderedBy: 'nope' }])).toThrow('is not one of its columns');
  });
});
