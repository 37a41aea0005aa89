import request from 'supertest';
import { forberedSag, Klient, klient, sagEfter, Sekretaer } from './support/moeder';
import { eventsOf } from './support/store';
import { RunningApi, startApi } from './support/test-app';

const SAGSGANG = ['Direktionen', 'Økonomiudvalget', 'Byrådet'];
const MEDLEMMER = [{ navn: 'Anne' }, { navn: 'Bent' }];

/** The sag's history of treatments as GET /sager/:id shows it. */
const behandlinger = (sag: { behandlinger: { udvalg: string; moedeId: string; udfald: string }[] }) =>
  sag.behandlinger.map(({ udvalg, moedeId, udfald }) => ({ udvalg, moedeId, udfald }));

describe('A sag passes the meetings of its sagsgang, moved on by the process manager', () => {
  let api: RunningApi;
  let klienten: Klient;
  let sekretaer: Sekretaer;
  let dag = 1;

  beforeAll(async () => {
    api = await startApi();
    klienten = klient(api);
    sekretaer = new Sekretaer(klienten);
  });
  afterAll(async () => {
    await api.stop();
  });

  /** One meeting of `udvalg` that treats the sag; returns the meeting and the sag after its routing. */
  async function behandl(sagId: string, udvalg: string, udfald: string, headers: Record<string, string> = {}) {
    const moedeId = await sekretaer.indkald({
      udvalg,
      start: `2020-01-${String(dag++).padStart(2, '0')}T16:00:00+01:00`,
      medlemmer: MEDLEMMER,
    });
    const nr = await sekretaer.tilfoej(moedeId, sagId);
    await sekretaer.aabn(moedeId);
    const response = await request(api.url)
      .post(`/moeder/${moedeId}/punkter/${nr}/beslutning`)
      .set(sekretaer.headers)
      .set(headers)
      .send({ udfald, beslutningstekst: `${udvalg}: ${udfald}` })
      .expect(200);
    return { moedeId, sag: await sagEfter(klienten, sagId, response.body.position) };
  }

  it('goes Direktionen → Økonomiudvalget → Byrådet (anbefalet, anbefalet, godkendt) and ends afgjort', async () => {
    const { id } = await forberedSag(klienten, { titel: 'Vækstregnskab 2019', sagstype: 'beslutning', sagsgang: SAGSGANG });

    const direktionen = await behandl(id, 'Direktionen', 'anbefalet');
    expect(direktionen.sag).toMatchObject({ status: 'indstillet', afventerUdvalg: 'Økonomiudvalget' });
    const oeu = await behandl(id, 'Økonomiudvalget', 'anbefalet');
    expect(oeu.sag).toMatchObject({ status: 'indstillet', afventerUdvalg: 'Byrådet' });
    const byraadet = await behandl(id, 'Byrådet', 'godkendt');

    expect(byraadet.sag.status).toBe('afgjort');
    expect(behandlinger(byraadet.sag)).toEqual([
      { udvalg: 'Direktionen', moedeId: direktionen.moedeId, udfald: 'anbefalet' },
      { udvalg: 'Økonomiudvalget', moedeId: oeu.moedeId, udfald: 'anbefalet' },
      { udvalg: 'Byrådet', moedeId: byraadet.moedeId, udfald: 'godkendt' },
    ]);
  });

  it('needs a fourth meeting when Økonomiudvalget postpones it (udsat)', async () => {
    const { id } = await forberedSag(klienten, { titel: 'Handlingsplan for vækstpolitik', sagstype: 'beslutning', sagsgang: SAGSGANG });

    const moeder = [];
    for (const [udvalg, udfald] of [
      ['Direktionen', 'anbefalet'],
      ['Økonomiudvalget', 'udsat'],
      ['Økonomiudvalget', 'anbefalet'],
      ['Byrådet', 'godkendt'],
    ]) {
      moeder.push({ udvalg, udfald, ...(await behandl(id, udvalg, udfald)) });
    }

    expect(moeder[1].sag).toMatchObject({ status: 'indstillet', afventerUdvalg: 'Økonomiudvalget' });
    expect(moeder[3].sag.status).toBe('afgjort');
    expect(behandlinger(moeder[3].sag)).toEqual(moeder.map(({ udvalg, moedeId, udfald }) => ({ udvalg, moedeId, udfald })));
  });

  it('sends a sag back to the administration (tilbagesendt), which gives a new indstilling for the same udvalg', async () => {
    const { id } = await forberedSag(klienten, { titel: 'Ophør af madproduktion', sagstype: 'beslutning', sagsgang: ['Direktionen'] });

    const { sag } = await behandl(id, 'Direktionen', 'tilbagesendt');

    expect(sag.status).toBe('under_udarbejdelse');
    await request(api.url)
      .post(`/sager/${id}/indstilling`)
      .set(klienten.token('sagsbehandler'))
      .send({ indstiller: 'Det indstilles,', atPunkter: ['at der arbejdes videre'] })
      .expect(200);
    expect((await behandl(id, 'Direktionen', 'godkendt')).sag.status).toBe('afgjort');
  });

  it("routes the sag in the beslutning's correlation, caused by the beslutning, as its sekretær", async () => {
    const { id } = await forberedSag(klienten, { titel: 'Kausalitet', sagstype: 'beslutning', sagsgang: ['Direktionen', 'Byrådet'] });

    const { moedeId } = await behandl(id, 'Direktionen', 'anbefalet', { 'X-Correlation-Id': 'moede-2020-01' });

    const beslutning = (await eventsOf(api, `moede-${moedeId}`)).find((event) => event.type === 'BeslutningRegistreret')!;
    const oversendt = (await eventsOf(api, `sag-${id}`)).filter((event) => event.type === 'SagOversendt');
    expect(oversendt).toHaveLength(1);
    expect(oversendt[0].metadata).toMatchObject({
      correlationId: 'moede-2020-01',
      causationId: beslutning.id,
      actor: { userId: 'sekretaer-1', role: 'sekretaer' },
    });
  });

  it('takes the sag off the agenda when its punkt is removed: it awaits Direktionen again', async () => {
    const { id } = await forberedSag(klienten, { titel: 'Trukket sag', sagstype: 'orientering', sagsgang: ['Direktionen'] });
    const moedeId = await sekretaer.indkald({ udvalg: 'Direktionen', start: '2020-02-03T09:00:00+01:00', medlemmer: MEDLEMMER });
    const { position: tilfoejet } = await sekretaer.post(`/moeder/${moedeId}/punkter`, { sagId: id }, 201);
    expect((await sagEfter(klienten, id, tilfoejet as number)).status).toBe('paa_dagsorden');

    const trukket = await request(api.url)
      .delete(`/moeder/${moedeId}/punkter/1`)
      .set(sekretaer.headers)
      .send({ begrundelse: 'Ikke klar' })
      .expect(200);

    expect(await sagEfter(klienten, id, trukket.body.position)).toMatchObject({ status: 'indstillet', afventerUdvalg: 'Direktionen' });
  });

  it('reports no refused follow-up on /health, and the process manager caught up', async () => {
    const head = (await request(api.url).get('/health').expect(200)).body.store.headPosition;
    await request(api.url).get(`/moeder?minPosition=${head}`).set(klienten.token('revisor')).expect(200);
    const health = await request(api.url).get('/health').expect(200);
    expect(health.body.processManagers).toEqual([expect.objectContaining({ name: 'sag_opfoelgning', state: 'running', failures: 0 })]);
    expect(health.body.processManagers[0].checkpoint).toBeGreaterThanOrEqual(head);
  });
});
