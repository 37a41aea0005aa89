import { InvalidReadModelQuery, ReadModelStore } from '../src';
import { event, opretSag } from './support/events';
import { Fixture } from './support/fixture';
import { Sag, sagerProjection } from './support/projections';

describe('Read model queries', () => {
  let fixture: Fixture;
  let sager: ReadModelStore;

  beforeAll(async () => {
    fixture = new Fixture('memory');
    const store = fixture.eventStore;
    // Started first, so that later events update rows written by earlier batches.
    const runner = fixture.runner([sagerProjection()]);
    await runner.start();
    await opretSag(store, '1', { titel: 'Budget 2026 – første behandling', udvalg: 'Økonomiudvalget' });
    await opretSag(store, '2', { titel: 'Ændring af lokalplan for Århus Ø', udvalg: 'Byrådet' });
    await opretSag(store, '3', { titel: 'Orientering om skolestruktur', udvalg: 'Børn og Unge' });
    await opretSag(store, '4', { titel: 'Budgetopfølgning', udvalg: 'Økonomiudvalget' });
    await opretSag(store, '5', { titel: 'Slettet sag', udvalg: 'Byrådet' });
    await store.append('sag-2', [event('StatusSkiftet', { status: 'afgjort' })]);
    const { position } = await store.append('sag-5', [event('SagSlettet')]);
    await runner.waitForPosition(position, 5000);
    sager = fixture.readModels([sagerProjection()]);
  });
  afterAll(() => fixture.close());

  const ids = (items: Sag[]) => items.map((sag) => sag.id);

  it('gets one document by id', () => {
    expect(sager.get<Sag>('sager', '2')).toEqual({
      id: '2',
      sagsnummer: '25/2',
      titel: 'Ændring af lokalplan for Århus Ø',
      udvalg: 'Byrådet',
      status: 'afgjort',
    });
  });

  it('gets null for a document that evolve deleted', () => {
    expect(sager.get('sager', '5')).toBeNull();
  });

  it('finds by column equality', () => {
    const { items, total } = sager.find<Sag>('sager', { where: { udvalg: 'Økonomiudvalget', status: 'oprettet' } });
    expect([ids(items), total]).toEqual([['1', '4'], 2]);
  });

  it('finds by a column that a later event changed', () => {
    expect(ids(sager.find<Sag>('sager', { where: { status: 'afgjort' } }).items)).toEqual(['2']);
    expect(ids(sager.find<Sag>('sager', { where: { udvalg: 'Byrådet' } }).items)).toEqual(['2']);
  });

  it('finds documents as stored, id and JSON text', () => {
    const { items, total } = sager.table('sager').findJson({ where: { status: 'afgjort' } });
    expect([items.map(({ id, json }) => [id, JSON.parse(json)]), total]).toEqual([[['2', sager.get('sager', '2')]], 1]);
  });

  it('finds the rows whose ordering column lies in a range, with their total', () => {
    const { items, total } = sager.find<Sag>('sager', { orderBy: 'titel', from: 'B', before: 'O' });
    expect([ids(items), total]).toEqual([['1', '4'], 2]);
  });

  it('refuses a range without an ordering column', () => {
    expect(() => sager.find('sager', { from: 'B' })).toThrow(InvalidReadModelQuery);
  });

  it('lists the distinct values of a column among the matches, in order', () => {
    expect(sager.distinct('sager', 'udvalg')).toEqual(['Byrådet', 'Børn og Unge', 'Økonomiudvalget']);
    expect(sager.distinct('sager', 'udvalg', { where: { status: 'oprettet' } })).toEqual(['Børn og Unge', 'Økonomiudvalget']);
  });

  it('finds by case-insensitive substring, æøå included', () => {
    expect(ids(sager.find<Sag>('sager', { contains: { titel: 'ÆNDRING' } }).items)).toEqual(['2']);
    expect(ids(sager.find<Sag>('sager', { contains: { titel: 'århus ø' } }).items)).toEqual(['2']);
    expect(ids(sager.find<Sag>('sager', { contains: { titel: 'budget' } }).items)).toEqual(['1', '4']);
  });

  it('matches a decomposed å against a composed one', () => {
    expect(ids(sager.find<Sag>('sager', { contains: { titel: 'A\u030Arhus' } }).items)).toEqual(['2']);
  });

  it('orders by a column, descending, with the total before paging', () => {
    const page = sager.find<Sag>('sager', { orderBy: 'titel', descending: true, limit: 2, offset: 1 });
    expect([ids(page.items), page.total]).toEqual([['3', '4'], 4]);
  });

  it('pages in id order by default', () => {
    expect(ids(sager.find<Sag>('sager', { limit: 2, offset: 2 }).items)).toEqual(['3', '4']);
  });

  it('refuses a column the projection does not declare', () => {
    expect(() => sager.find('sager', { orderBy: 'titel; DROP TABLE rm_sager' })).toThrow(/has no column/);
    expect(() => sager.find('sager', { where: { hemmelig: 1 } })).toThrow(/has no column/);
  });

  it('refuses an unknown projection', () => {
    expect(() => sager.get('moeder', '1')).toThrow(/Unknown projection "moeder"/);
  });

  it('refuses a negative or fractional limit', () => {
    expect(() => sager.find('sager', { limit: -1 })).toThrow(/limit must be a non-negative integer/);
    expect(() => sager.find('sager', { offset: 1.5 })).toThrow(/offset must be a non-negative integer/);
  });
});

describe('Read model totals', () => {
  let fixture: Fixture;
  afterEach(() => fixture.close());

  it('keep a filtered total exact while the runner moves rows into and out of it, for its own store and another', async () => {
    fixture = new Fixture('memory');
    const store = fixture.eventStore;
    const readModels = fixture.readModels([sagerProjection()]);
    const other = fixture.readModels([sagerProjection()]);
    const runner = fixture.runner([sagerProjection()], { readModels });
    await runner.start();
    const totals = () => {
      const query = { where: { udvalg: 'Byrådet', status: 'oprettet' } };
      const counted = readModels.find('sager', query).total;
      expect(other.find('sager', query).total).toBe(counted);
      return counted;
    };
    const applied = async ({ position }: { position: number }) => {
      await runner.waitForPosition(position, 5000);
      return totals();
    };

    expect(totals()).toBe(0);
    expect(await applied(await opretSag(store, '1', { titel: 'a', udvalg: 'Byrådet' }))).toBe(1);
    await opretSag(store, '2', { titel: 'b', udvalg: 'Byrådet' });
    expect(await applied(await opretSag(store, '3', { titel: 'c', udvalg: 'Økonomiudvalget' }))).toBe(2);
    expect(await applied(await store.append('sag-1', [event('StatusSkiftet', { status: 'afgjort' })]))).toBe(1);
    expect(await applied(await store.append('sag-2', [event('SagSlettet')]))).toBe(0);
    expect(await applied(await store.append('sag-1', [event('StatusSkiftet', { status: 'oprettet' })]))).toBe(1);
  });
});
