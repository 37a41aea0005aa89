import request from 'supertest';
import { RecordedEvent } from '@sagsgang/event-store';
import type { HistorikEntry } from '../apps/api/src/historik/historik';
import { forberedSag, Klient, klient, sagEfter, Sekretaer } from './support/moeder';
import { eventsOf, headPosition } from './support/store';
import { RunningApi, startApi } from './support/test-app';

const MEDLEMMER = [{ navn: 'Anne' }, { navn: 'Bent' }];

describe('GET /sager/:id/historik and /moeder/:id/historik', () => {
  let api: RunningApi;
  let klienten: Klient;
  let sagId: string;
  let sagsnummer: string;
  let moedeId: string;
  let sagEvents: RecordedEvent[];

  const historik = (
    path: string,
    query: Record<string, string | number> = {},
    role: 'revisor' | 'sagsbehandler' | 'sekretaer' | 'admin' = 'revisor',
  ) => request(api.url).get(`${path}/historik`).query(query).set(klienten.token(role));

  beforeAll(async () => {
    api = await startApi();
    klienten = klient(api);
    const sekretaer = new Sekretaer(klienten, 'kathrine');
    ({ id: sagId, sagsnummer } = await forberedSag(klienten, {
      titel: 'Vækstregnskab 2019',
      sagstype: 'beslutning',
      sagsgang: ['Direktionen', 'Økonomiudvalget'],
      indstilling: { indstiller: 'Direktøren indstiller,', atPunkter: ['at regnskabet godkendes', 'at det offentliggøres'] },
    }));
    moedeId = await sekretaer.indkald({ udvalg: 'Direktionen', start: '2019-12-16T09:00:00+01:00', medlemmer: MEDLEMMER });
    await sekretaer.tilfoej(moedeId, sagId);
    await sekretaer.aabn(moedeId);
    const beslutning = await request(api.url)
      .post(`/moeder/${moedeId}/punkter/1/beslutning`)
      .set(sekretaer.headers)
      .set('X-Correlation-Id', 'direktionen-2019-12-16')
      .send({ udfald: 'anbefalet', beslutningstekst: 'Anbefales over for Økonomiudvalget.' })
      .expect(200);
    await sagEfter(klienten, sagId, beslutning.body.position);
    sagEvents = await eventsOf(api, `sag-${sagId}`);
  });
  afterAll(async () => {
    await api.stop();
  });

  it('lists every event of the sag oldest first, with its id, revision, position and type', async () => {
    const { body } = await historik(`/sager/${sagId}`).expect(200);
    expect(body).toMatchObject({
      id: sagId,
      stream: `sag-${sagId}`,
      total: sagEvents.length,
      order: 'asc',
      limit: 100,
      offset: 0,
      nextFromRevision: null,
    });
    expect(body.items.map(({ id, revision, position, type }: HistorikEntry) => ({ id, revision, position, type }))).toEqual(
      sagEvents.map(({ id, revision, position, type }) => ({ id, revision, position, type })),
    );
  });

  it('lists them newest first with order=desc', async () => {
    const { body } = await historik(`/sager/${sagId}`, { order: 'desc' }).expect(200);
    expect(body.items.map((entry: HistorikEntry) => entry.revision)).toEqual(sagEvents.map((event) => event.revision).reverse());
  });

  it('pages with limit and offset', async () => {
    const { body } = await historik(`/sager/${sagId}`, { limit: 2, offset: 1 }).expect(200);
    expect(body.items.map((entry: HistorikEntry) => entry.revision)).toEqual([1, 2]);
    expect(body).toMatchObject({ total: sagEvents.length, limit: 2, offset: 1 });
  });

  it('pages newest first from a revision, each page naming where the next starts', async () => {
    const sider: number[][] = [];
    let fromRevision: number | null = sagEvents.length - 1;
    while (fromRevision !== null) {
      const response: request.Response = await historik(`/sager/${sagId}`, { order: 'desc', limit: 2, fromRevision }).expect(200);
      sider.push(response.body.items.map((entry: HistorikEntry) => entry.revision));
      fromRevision = response.body.nextFromRevision;
    }
    const n = sagEvents.length - 1;
    expect(sider.flat()).toEqual([...Array(n + 1).keys()].reverse());
    expect(sider[0]).toEqual([n, n - 1]);
  });

  it('says what happened in Danish, one line per event', async () => {
    const { body } = await historik(`/sager/${sagId}`).expect(200);
    expect(body.items.map((entry: HistorikEntry) => entry.resume)).toEqual([
      `Sagen blev oprettet som ${sagsnummer} under workflow politisk v1`,
      'Anledningen blev beskrevet',
      'Indstilling givet (2 at-punkter)',
      'Sat på dagsordenen for Direktionen som punkt 1',
      'Beslutning i Direktionen 16-12-2019: anbefalet — sendt videre til Økonomiudvalget',
    ]);
  });

  it('says who did it, with the role from the token: the caseworker, then the sekretær through the process manager', async () => {
    const { body } = await historik(`/sager/${sagId}`).expect(200);
    expect(body.items.map((entry: HistorikEntry) => entry.actor)).toEqual([
      ...Array(3).fill({ userId: 'sagsbehandler-1', role: 'sagsbehandler' }),
      ...Array(2).fill({ userId: 'kathrine', role: 'sekretaer' }),
    ]);
  });

  it('gives when each event was recorded, and for the routing when it took effect: the meeting date', async () => {
    const { body } = await historik(`/sager/${sagId}`).expect(200);
    expect(body.items.map((entry: HistorikEntry) => entry.recordedAt)).toEqual(sagEvents.map((event) => event.metadata.recordedAt));
    const [oprettet, oversendt] = [body.items[0], body.items.at(-1)];
    expect(oprettet.effectiveAt).toBe(oprettet.recordedAt);
    expect(oversendt.effectiveAt).toBe('2019-12-16');
    expect(oversendt.data).toEqual(sagEvents.at(-1)!.data);
  });

  it("links the meeting's BeslutningRegistreret to the routing it caused in the sag: same correlation, its id as causation", async () => {
    const moede = await historik(`/moeder/${moedeId}`).expect(200);
    const sag = await historik(`/sager/${sagId}`).expect(200);
    const beslutning = moede.body.items.find((entry: HistorikEntry) => entry.type === 'BeslutningRegistreret');
    const oversendt = sag.body.items.find((entry: HistorikEntry) => entry.type === 'SagOversendt');

    expect(beslutning).toMatchObject({
      correlationId: 'direktionen-2019-12-16',
      effectiveAt: '2019-12-16',
      actor: { userId: 'kathrine', role: 'sekretaer' },
    });
    expect(beslutning.resume).toBe(`Beslutning i Direktionen 16-12-2019 på punkt 1 (sag ${sagsnummer}): anbefalet`);
    expect(oversendt).toMatchObject({ correlationId: 'direktionen-2019-12-16', causationId: beslutning.id });
  });

  it("summarises the meeting's own events", async () => {
    const { body } = await historik(`/moeder/${moedeId}`).expect(200);
    expect(body.items.map((entry: HistorikEntry) => entry.resume)).toEqual([
      'Møde i Direktionen indkaldt til mandag d. 16. december 2019 kl. 09:00, Mødelokale B105',
      `Punkt 1 tilføjet: sag ${sagsnummer} «Vækstregnskab 2019» (åbent)`,
      'Dagsordenen blev udsendt med 1 punkt',
      'Mødet blev åbnet',
      `Beslutning i Direktionen 16-12-2019 på punkt 1 (sag ${sagsnummer}): anbefalet`,
    ]);
  });

  it('appends nothing when read', async () => {
    const before = await headPosition(api);
    await historik(`/sager/${sagId}`).expect(200);
    await historik(`/moeder/${moedeId}`).expect(200);
    expect(await headPosition(api)).toBe(before);
  });

  it.each([
    ['sager', 'sagsbehandler', 200],
    ['sager', 'revisor', 200],
    ['sager', 'admin', 200],
    ['sager', 'sekretaer', 403],
    ['moeder', 'sekretaer', 200],
    ['moeder', 'revisor', 200],
    ['moeder', 'admin', 200],
    ['moeder', 'sagsbehandler', 403],
  ] as const)('GET /%s/:id/historik as %s: %i', async (hvad, role, status) => {
    const response = await historik(`/${hvad}/${hvad === 'sager' ? sagId : moedeId}`, {}, role).expect(status);
    if (status === 403) expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('needs a token (401)', async () => {
    await request(api.url).get(`/sager/${sagId}/historik`).expect(401);
    await request(api.url).get(`/moeder/${moedeId}/historik`).expect(401);
  });

  it('is a 404 for a sag or møde that does not exist', async () => {
    await historik('/sager/4f1c1f0e-0000-4000-8000-000000000000').expect(404);
    await historik('/moeder/4f1c1f0e-0000-4000-8000-000000000000').expect(404);
  });

  it.each<Record<string, string | number>>([
    { limit: 0 },
    { limit: 501 },
    { offset: -1 },
    { fromRevision: -1 },
    { order: 'sideways' },
    { asOf: '2020-01-01T00:00:00Z' },
  ])('refuses %j with a 400', async (query) => {
    const response = await historik(`/sager/${sagId}`, query).expect(400);
    expect(response.body.errors[0].field).toBe(Object.keys(query)[0]);
  });
});
