import request from 'supertest';
import { RecordedEvent } from '@sagsgang/event-store';
import { evolve, initialState, SagEvent } from '@sagsgang/sag';
import { forberedSag, Klient, klient, sagEfter, Sekretaer } from './support/moeder';
import { eventsOf } from './support/store';
import { RunningApi, startApi } from './support/test-app';

const SAGSGANG = ['Direktionen', 'Økonomiudvalget', 'Byrådet'];
const MEDLEMMER = [{ navn: 'Anne' }, { navn: 'Bent' }];

/** The sag's stream, event by event, as the scenario below records it. */
const FORLOEB = [
  'SagOprettet',
  'AnledningBeskrevet',
  'SagsfremstillingSkrevet',
  'IndstillingGivet',
  'SagSatPaaDagsorden',
  'SagOversendt',
  'IndstillingRevideret',
  'SagSatPaaDagsorden',
  'SagOversendt',
  'SagSatPaaDagsorden',
  'SagAfgjort',
];

const ms = (event: RecordedEvent) => Date.parse(event.metadata.recordedAt as string);

/** The same instant written with another offset, e.g. +02:00. */
function medOffset(iso: string, timer: number): string {
  const lokal = new Date(Date.parse(iso) + timer * 3_600_000).toISOString().slice(0, -1);
  return `${lokal}${timer >= 0 ? '+' : '-'}${String(Math.abs(timer)).padStart(2, '0')}:00`;
}

describe('GET /sager/:id as of a moment: a sag through three meetings and a revised indstilling', () => {
  let api: RunningApi;
  let klienten: Klient;
  let sagId: string;
  let events: RecordedEvent[];

  /** Folded by hand with the sag lib's own evolve: the state after events[0..n], as the API shows a sag. */
  const tilstandEfter = (n: number) => {
    const state = events
      .slice(0, n + 1)
      .reduce((sag, event) => evolve(sag, { type: event.type, data: event.data } as unknown as SagEvent), initialState);
    return JSON.parse(JSON.stringify({ ...state, revision: n, position: events[n].position }));
  };
  /** The last event recorded at or before the time: the one asOf stops at. */
  const sidsteTil = (tid: number) => events.reduce((sidste, event, index) => (ms(event) <= tid ? index : sidste), -1);
  const hent = (query: Record<string, string | number>) =>
    request(api.url).get(`/sager/${sagId}`).query(query).set(klienten.token('revisor'));

  beforeAll(async () => {
    api = await startApi();
    klienten = klient(api);
    const sekretaer = new Sekretaer(klienten);
    ({ id: sagId } = await forberedSag(klienten, {
      titel: 'Vækstregnskab 2019',
      sagstype: 'beslutning',
      sagsgang: SAGSGANG,
      sagsfremstilling: 'Regnskabet viser vækst.',
      indstilling: { indstiller: 'Direktøren indstiller,', atPunkter: ['at regnskabet godkendes', 'at det offentliggøres'] },
    }));
    const behandl = async (udvalg: string, dag: string, udfald: string) => {
      const moedeId = await sekretaer.indkald({ udvalg, start: `2020-01-${dag}T16:00:00+01:00`, medlemmer: MEDLEMMER });
      const nr = await sekretaer.tilfoej(moedeId, sagId);
      await sekretaer.aabn(moedeId);
      await sagEfter(klienten, sagId, await sekretaer.beslut(moedeId, nr, udfald));
    };
    await behandl('Direktionen', '06', 'anbefalet');
    // Revised while the sag awaits Økonomiudvalget's agenda.
    await request(api.url)
      .post(`/sager/${sagId}/indstilling`)
      .set(klienten.token('sagsbehandler'))
      .send({ indstiller: 'Direktøren indstiller,', atPunkter: ['at regnskabet godkendes med de faldne bemærkninger'] })
      .expect(200);
    await behandl('Økonomiudvalget', '13', 'anbefalet');
    await behandl('Byrådet', '27', 'godkendt');
    events = await eventsOf(api, `sag-${sagId}`);
  });
  afterAll(async () => {
    await api.stop();
  });

  it('has recorded the sag through anledning, indstilling, three meetings and a revised indstilling', () => {
    expect(events.map((event) => event.type)).toEqual(FORLOEB);
  });

  it.each(FORLOEB.map((type, k) => [k, type]))(
    'asOf the recordedAt of event %i (%s) is exactly the state after it, ETag its revision',
    async (k) => {
      const asOf = events[k].metadata.recordedAt as string;
      // recordedAt has millisecond precision; were two events recorded in the same one, asOf shows the later.
      const n = sidsteTil(ms(events[k]));

      const response = await hent({ asOf }).expect(200);

      expect(response.body).toEqual(tilstandEfter(n));
      expect(response.headers.etag).toBe(`"${n}"`);
    },
  );

  it.each(FORLOEB.map((type, k) => [k, type]))('revision=%i (%s) is exactly the state after that event, ETag that revision', async (k) => {
    const response = await hent({ revision: k }).expect(200);
    expect(response.body).toEqual(tilstandEfter(k));
    expect(response.headers.etag).toBe(`"${k}"`);
  });

  it('between two events, asOf shows the earlier one', async () => {
    const k = FORLOEB.indexOf('IndstillingRevideret');
    const midt = new Date((ms(events[k - 1]) + ms(events[k])) / 2).toISOString();
    const response = await hent({ asOf: midt }).expect(200);
    expect(response.body).toEqual(tilstandEfter(sidsteTil(Date.parse(midt))));
    expect(response.body.indstilling.art).toBe('givet');
  });

  it('reads the same instant written with another offset the same way', async () => {
    const utc = events[5].metadata.recordedAt as string;
    const [iUtc, iDansk] = await Promise.all([hent({ asOf: utc }).expect(200), hent({ asOf: medOffset(utc, 2) }).expect(200)]);
    expect(iDansk.body).toEqual(iUtc.body);
  });

  it('asOf now is the sag as the read model shows it', async () => {
    const [nu, asOfNu] = await Promise.all([hent({}).expect(200), hent({ asOf: new Date().toISOString() }).expect(200)]);
    expect(asOfNu.body).toEqual(nu.body);
    expect(asOfNu.headers.etag).toBe(nu.headers.etag);
  });

  it('a time before the sag existed is a 404 problem+json saying so', async () => {
    const foer = new Date(ms(events[0]) - 1).toISOString();
    const response = await hent({ asOf: foer }).expect(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.detail).toBe(`sag ${sagId} fandtes ikke ${foer}; den blev oprettet ${events[0].metadata.recordedAt as string}`);
  });

  it('a revision beyond the stream is a 404 naming the latest', async () => {
    const response = await hent({ revision: events.length }).expect(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.detail).toBe(`sag ${sagId} har ingen revision ${events.length}; den seneste er ${events.length - 1}`);
  });

  it('a sag that never existed is a 404 at any moment', async () => {
    await request(api.url).get('/sager/4f1c1f0e-0000-4000-8000-000000000000?revision=0').set(klienten.token('revisor')).expect(404);
  });

  it('asOf and revision together is a 400 naming both', async () => {
    const response = await hent({ asOf: events[0].metadata.recordedAt as string, revision: 0 }).expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(['asOf', 'revision']);
  });

  it.each([
    ['not a time', { asOf: 'i går' }],
    ['an impossible date', { asOf: '2020-02-30T10:00:00Z' }],
    ['a time without its offset', { asOf: '2020-01-06T16:00:00' }],
    ['a date alone', { asOf: '2020-01-06' }],
    ['a negative revision', { revision: -1 }],
    ['a revision that is not a number', { revision: 'sidste' }],
  ])('%s is a 400', async (_name, query) => {
    const response = await hent(query).expect(400);
    expect(response.body.errors[0].field).toBe(Object.keys(query)[0]);
  });
});
