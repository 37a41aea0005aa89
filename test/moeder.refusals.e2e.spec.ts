import request from 'supertest';
import { forberedSag, Klient, klient, Sekretaer } from './support/moeder';
import { expectRefused, headPosition } from './support/store';
import { RunningApi, startApi } from './support/test-app';

const MEDLEMMER = [{ navn: 'Anne' }, { navn: 'Bent' }, { navn: 'Carl' }];
const DIREKTIONEN = { udvalg: 'Direktionen', start: '2020-04-06T09:00:00+02:00', medlemmer: MEDLEMMER };

describe('Meeting commands refused over HTTP append nothing', () => {
  let api: RunningApi;
  let klienten: Klient;
  let sekretaer: Sekretaer;

  beforeAll(async () => {
    api = await startApi();
    klienten = klient(api);
    sekretaer = new Sekretaer(klienten);
  });
  afterAll(async () => {
    await api.stop();
  });

  /** An open meeting of Direktionen with one sag of the given type as punkt 1. */
  async function aabentMoede(sagstype = 'beslutning') {
    const sag = await forberedSag(klienten, { titel: `En ${sagstype}ssag`, sagstype, sagsgang: ['Direktionen'] });
    const moedeId = await sekretaer.indkald(DIREKTIONEN);
    await sekretaer.tilfoej(moedeId, sag.id);
    await sekretaer.aabn(moedeId);
    return moedeId;
  }

  const refused = (send: () => request.Test, status: number) => expectRefused(api, send, status);

  it('refuses a sagsbehandler who calls a meeting (403)', async () => {
    await refused(
      () =>
        request(api.url)
          .post('/moeder')
          .set(klienten.token('sagsbehandler'))
          .send({ ...DIREKTIONEN, sted: 'B105', sekretaer: 'K' }),
      403,
    );
  });

  it('refuses a sagsbehandler who records a beslutning (403)', async () => {
    const moedeId = await aabentMoede();
    await refused(
      () =>
        request(api.url)
          .post(`/moeder/${moedeId}/punkter/1/beslutning`)
          .set(klienten.token('sagsbehandler'))
          .send({ udfald: 'godkendt', beslutningstekst: 'Godkendt.' }),
      403,
    );
  });

  it('refuses a beslutning before the meeting is open (409), naming what may be done', async () => {
    const sag = await forberedSag(klienten, { titel: 'For tidligt', sagstype: 'beslutning', sagsgang: ['Direktionen'] });
    const moedeId = await sekretaer.indkald(DIREKTIONEN);
    await sekretaer.tilfoej(moedeId, sag.id);
    await sekretaer.post(`/moeder/${moedeId}/udsend`);

    const problem = await refused(
      () =>
        request(api.url)
          .post(`/moeder/${moedeId}/punkter/1/beslutning`)
          .set(sekretaer.headers)
          .send({ udfald: 'godkendt', beslutningstekst: 'Godkendt.' }),
      409,
    );

    expect(problem).toMatchObject({
      currentState: 'dagsorden_udsendt',
      attemptedCommand: 'RegistrerBeslutning',
      allowedCommands: expect.arrayContaining(['AabnMoede']),
    });
  });

  it('refuses an udfald the sagstype does not allow (400)', async () => {
    const moedeId = await aabentMoede('orientering');
    const problem = await refused(
      () =>
        request(api.url)
          .post(`/moeder/${moedeId}/punkter/1/beslutning`)
          .set(sekretaer.headers)
          .send({ udfald: 'godkendt', beslutningstekst: 'Godkendt.' }),
      400,
    );
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'udfald' })]);
  });

  it('refuses a protokoltilførsel from a member of the majority (400)', async () => {
    const moedeId = await aabentMoede();
    await sekretaer.post(`/moeder/${moedeId}/punkter/1/beslutning`, {
      udfald: 'godkendt',
      beslutningstekst: 'Godkendt.',
      afstemning: { for: ['Anne', 'Bent'], imod: ['Carl'], undlod: [] },
    });
    await refused(
      () =>
        request(api.url)
          .post(`/moeder/${moedeId}/punkter/1/protokoltilfoersel`)
          .set(sekretaer.headers)
          .send({ medlem: 'Anne', tekst: 'Enig.' }),
      400,
    );
    await sekretaer.post(`/moeder/${moedeId}/punkter/1/protokoltilfoersel`, {
      medlem: 'Carl',
      tekst: 'Carl ønsker ført til protokol, at han er imod.',
    });
  });

  it('refuses a sag that is not ready for an agenda (400), and an unknown sag (404)', async () => {
    const moedeId = await sekretaer.indkald(DIREKTIONEN);
    const created = await request(api.url)
      .post('/sager')
      .set(klienten.token('sagsbehandler'))
      .send({
        titel: 'Uden indstilling',
        journalnummer: '00.01.00',
        sagstype: 'beslutning',
        sagsgang: ['Direktionen'],
        ansvarligEnhed: 'BYC',
      })
      .expect(201);
    await refused(() => request(api.url).post(`/moeder/${moedeId}/punkter`).set(sekretaer.headers).send({ sagId: created.body.id }), 400);
    await refused(
      () =>
        request(api.url).post(`/moeder/${moedeId}/punkter`).set(sekretaer.headers).send({ sagId: '4f1c1f0e-0000-4000-8000-000000000000' }),
      404,
    );
  });

  it('refuses a body with unknown fields or a bad start, naming the field (400)', async () => {
    const problem = await refused(
      () =>
        request(api.url)
          .post('/moeder')
          .set(sekretaer.headers)
          .send({ ...DIREKTIONEN, start: '2020-04-06 09:00', sted: 'B105', sekretaer: 'K', farve: 'rød' }),
      400,
    );
    expect(problem.errors.map((error: { field: string }) => error.field).sort()).toEqual(['farve', 'start']);
  });

  it('refuses a stale If-Match (412) and answers a retried Idempotency-Key with the first result', async () => {
    const moedeId = await sekretaer.indkald(DIREKTIONEN);
    await refused(
      () =>
        request(api.url)
          .post(`/moeder/${moedeId}/fravaer`)
          .set(sekretaer.headers)
          .set('If-Match', '"5"')
          .send({ medlem: 'Anne', art: 'afbud' }),
      412,
    );
    const send = () =>
      request(api.url)
        .post(`/moeder/${moedeId}/fravaer`)
        .set(sekretaer.headers)
        .set('Idempotency-Key', 'afbud-anne')
        .send({ medlem: 'Anne', art: 'afbud' })
        .expect(200);
    const first = await send();
    const before = await headPosition(api);
    expect((await send()).body).toEqual(first.body);
    expect(await headPosition(api)).toBe(before);
  });
});
