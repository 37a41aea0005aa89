import request from 'supertest';
import { bearer } from './support/auth';
import { eventsOf } from './support/store';
import { RunningApi, startApi } from './support/test-app';

const NY_SAG = {
  titel: 'Budget 2027',
  journalnummer: '00.30.00',
  sagstype: 'beslutning',
  sagsgang: ['Økonomiudvalget', 'Byrådet'],
  ansvarligEnhed: 'Økonomi',
};

describe('Sager under concurrency', () => {
  let api: RunningApi;
  let sagsbehandler: { Authorization: string };

  beforeAll(async () => {
    api = await startApi();
    sagsbehandler = bearer(api, 'sagsbehandler');
  });
  afterAll(async () => {
    await api.stop();
  });

  it('50 concurrent creations get 50 distinct, consecutive sagsnumre', async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        request(api.url)
          .post('/sager')
          .set(sagsbehandler)
          .send({ ...NY_SAG, titel: `Sag ${i}` }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(responses.map(() => 201));
    const numbers = responses.map((response) => Number(String(response.body.sagsnummer).split('/')[1])).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => numbers[0] + i));
    expect(new Set(responses.map((response) => response.body.id)).size).toBe(50);
  });

  it('of two caseworkers revising with the same If-Match exactly one succeeds, the other gets 412', async () => {
    const created = await request(api.url).post('/sager').set(sagsbehandler).send(NY_SAG).expect(201);
    const id = created.body.id as string;
    const anna = bearer(api, 'sagsbehandler', 'anna');
    const bo = bearer(api, 'sagsbehandler', 'bo');

    const [first, second] = await Promise.all([
      request(api.url).post(`/sager/${id}/anledning`).set(anna).set('If-Match', '"0"').send({ tekst: 'Annas anledning' }),
      request(api.url).post(`/sager/${id}/anledning`).set(bo).set('If-Match', '"0"').send({ tekst: 'Bos anledning' }),
    ]);

    expect([first.status, second.status].sort()).toEqual([200, 412]);
    const refused = first.status === 412 ? first : second;
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ status: 412, currentRevision: 1 });
    expect((await eventsOf(api, `sag-${id}`)).map((event) => event.revision)).toEqual([0, 1]);
  });

  it('50 parallel writes to one sag without If-Match each land or are refused by the decider, none with 412', async () => {
    const created = await request(api.url).post('/sager').set(sagsbehandler).send(NY_SAG).expect(201);
    const id = created.body.id as string;
    // 49 caseworkers writing the anledning, and one shelving the sag halfway, after which the decider refuses the rest
    const post = (path: string, body: object) =>
      fetch(`${api.url}/sager/${id}/${path}`, {
        method: 'POST',
        headers: { ...sagsbehandler, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        i === 25 ? post('henlaeg', { begrundelse: 'Bortfaldet' }) : post('anledning', { tekst: `Anledning ${i}` }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status !== 200 && status !== 409)).toEqual([]);
    expect((await eventsOf(api, `sag-${id}`)).length).toBe(1 + statuses.filter((status) => status === 200).length);
  });

  it('a stale If-Match is refused with the current revision', async () => {
    const created = await request(api.url).post('/sager').set(sagsbehandler).send(NY_SAG).expect(201);
    const id = created.body.id as string;
    await request(api.url).post(`/sager/${id}/anledning`).set(sagsbehandler).set('If-Match', '"0"').send({ tekst: 'Første' }).expect(200);

    const stale = await request(api.url).post(`/sager/${id}/anledning`).set(sagsbehandler).set('If-Match', '"0"').send({ tekst: 'Anden' });

    expect(stale.status).toBe(412);
    expect(stale.body.currentRevision).toBe(1);
  });

  it('a retried request with the same Idempotency-Key appends nothing new and returns the first response', async () => {
    const send = () => request(api.url).post('/sager').set(sagsbehandler).set('Idempotency-Key', 'opret-budget-2027').send(NY_SAG);
    const first = await send().expect(201);
    const retry = await send().expect(201);

    expect(retry.body).toEqual(first.body);
    expect(await eventsOf(api, `sag-${first.body.id}`)).toHaveLength(1);

    const anledning = () =>
      request(api.url)
        .post(`/sager/${first.body.id}/anledning`)
        .set(sagsbehandler)
        .set('Idempotency-Key', 'anledning-1')
        .send({ tekst: 'Hvorfor' });
    const once = await anledning().expect(200);
    const again = await anledning().expect(200);
    expect(again.body).toEqual(once.body);
    expect(await eventsOf(api, `sag-${first.body.id}`)).toHaveLength(2);
  });
});
