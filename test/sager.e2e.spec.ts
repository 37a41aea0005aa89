import request from 'supertest';
import { SEED_000_PUNKT_1, SEED_001_PUNKT_2 } from './fixtures/seed-sager';
import { bearer } from './support/auth';
import { eventsOf } from './support/store';
import { RunningApi, startApi } from './support/test-app';

type SeedItem = typeof SEED_000_PUNKT_1;

describe('Sager over HTTP: a caseworker takes a sag from anledning to indstilling', () => {
  let api: RunningApi;
  let sagsbehandler: { Authorization: string };

  beforeAll(async () => {
    api = await startApi();
    sagsbehandler = bearer(api, 'sagsbehandler');
  });
  afterAll(async () => {
    await api.stop();
  });

  async function prepare(item: SeedItem, sagsgang: string[], sagstype: string) {
    const created = await request(api.url)
      .post('/sager')
      .set(sagsbehandler)
      .send({
        titel: item.titel,
        journalnummer: item.journalnummer,
        sagstype,
        sagsgang,
        ansvarligEnhed: 'By, Kultur, Miljø & Beskæftigelse',
      })
      .expect(201);
    const id = created.body.id as string;
    await request(api.url).post(`/sager/${id}/anledning`).set(sagsbehandler).send({ tekst: item.anledning }).expect(200);
    await request(api.url).post(`/sager/${id}/sagsfremstilling`).set(sagsbehandler).send({ tekst: item.sagsfremstilling }).expect(200);
    const given = await request(api.url)
      .post(`/sager/${id}/indstilling`)
      .set(sagsbehandler)
      .send({ indstiller: item.indstiller, atPunkter: item.atPunkter })
      .expect(200);
    return { id, sagsnummer: created.body.sagsnummer as string, position: given.body.position as number };
  }

  it.each([
    ['seed 000 punkt 1', SEED_000_PUNKT_1, ['Innovation og velfærd (§17, stk.4)'], 'droeftelse'],
    ['seed 001 punkt 2', SEED_001_PUNKT_2, ['Direktionen', 'Økonomiudvalget'], 'beslutning'],
  ])('%s reads back exactly, æøå § – included', async (_name, item, sagsgang, sagstype) => {
    const { id, sagsnummer, position } = await prepare(item, sagsgang, sagstype);

    const response = await request(api.url).get(`/sager/${id}?minPosition=${position}`).set(sagsbehandler).expect(200);

    expect(response.headers.etag).toBe('"3"');
    expect(response.body).toMatchObject({
      id,
      sagsnummer,
      status: 'indstillet',
      titel: item.titel,
      journalnummer: item.journalnummer,
      sagsgang,
      anledning: item.anledning,
      sagsfremstillinger: [{ version: 1, tekst: item.sagsfremstilling }],
      indstilling: { indstiller: item.indstiller, atPunkter: item.atPunkter },
    });
  });

  it('allocates the sagsnummer as YY/løbenummer of the current year', async () => {
    const created = await request(api.url)
      .post('/sager')
      .set(sagsbehandler)
      .send({
        titel: 'Årsnummer',
        journalnummer: '00.01.00',
        sagstype: 'orientering',
        sagsgang: ['Byrådet'],
        ansvarligEnhed: 'Sekretariatet',
      })
      .expect(201);
    const year = String(new Date().getFullYear() % 100).padStart(2, '0');
    expect(created.body.sagsnummer).toMatch(new RegExp(`^${year}/\\d+$`));
  });

  it('records the actor from the token, never from the body', async () => {
    const { id } = await prepare(SEED_000_PUNKT_1, ['Byrådet'], 'orientering');
    const events = await eventsOf(api, `sag-${id}`);
    expect(events.map((event) => event.metadata.actor)).toEqual(events.map(() => ({ userId: 'sagsbehandler-1', role: 'sagsbehandler' })));
  });
});
