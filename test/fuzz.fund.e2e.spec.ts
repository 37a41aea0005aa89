import request from 'supertest';
import { klient, Klient } from './support/moeder';
import { expectRefused } from './support/store';
import { aabentMoede, GYLDIG_SAG, moedeI, sagI } from './support/tilstande';
import { RunningApi, startApi } from './support/test-app';

/** One example of each kind of hostile input the fuzz tests look for: each is refused with a 4xx and appends nothing. */
describe('Hostile input the fuzz tests found', () => {
  let api: RunningApi;
  let klienten: Klient;

  beforeAll(async () => {
    api = await startApi();
    klienten = klient(api);
  });
  afterAll(async () => {
    await api.stop();
  });

  const refused = (send: () => request.Test, status = 400) => expectRefused(api, send, status);
  const som = (role: 'sagsbehandler' | 'sekretaer') => klienten.token(role);
  const json = (test: request.Test, body: string) => test.set('Content-Type', 'application/json').send(body);

  it('a body nested 20,000 deep is a 400, not a stack overflow (500)', async () => {
    const dyb = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const problem = await refused(() => json(request(api.url).post('/sager').set(som('sagsbehandler')), `{"titel":"T","sagsgang":${dyb}}`));
    expect(problem.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ reason: expect.stringContaining('indlejret mere end') })]),
    );
  });

  it.each(['constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'])(
    'an extra field named %s is refused like any unknown field, not dropped',
    async (navn) => {
      const sagId = await sagI(klienten, 'under_udarbejdelse');
      const problem = await refused(() =>
        json(request(api.url).post(`/sager/${sagId}/anledning`).set(som('sagsbehandler')), `{"tekst":"Anledningen","${navn}":"x"}`),
      );
      expect(problem.errors).toEqual([{ field: navn, reason: 'feltet kendes ikke' }]);
    },
  );

  it('a key named constructor inside a nested object is refused too', async () => {
    const moedeId = await aabentMoede(klienten);
    const body =
      '{"udfald":"godkendt","beslutningstekst":"G","afstemning":{"for":[],"imod":[],"undlod":[],"constructor":{"prototype":{"polluted":1}}}}';
    await refused(() => json(request(api.url).post(`/moeder/${moedeId}/punkter/1/beslutning`).set(som('sekretaer')), body));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['a field', { hacker: true }],
    ['an array', [1]],
    ['a string', 'aabn'],
  ])('a command without a body refuses %s sent anyway', async (_hvad, body) => {
    const moedeId = await moedeI(klienten, 'dagsorden_udsendt');
    await refused(() => json(request(api.url).post(`/moeder/${moedeId}/aabn`).set(som('sekretaer')), JSON.stringify(body)));
    // Nothing, or an empty object, is still fine.
    await request(api.url).post(`/moeder/${moedeId}/aabn`).set(som('sekretaer')).send({}).expect(200);
  });

  it.each([
    ['a lone surrogate', 'Budget\uD800'],
    ['a NUL', 'Budget\u0000'],
    ['an escape character', 'Budget\u001b[31m'],
    ['a C1 control', 'Budget\u0085'],
  ])('a text with %s is refused', async (_hvad, titel) => {
    const problem = await refused(() =>
      request(api.url)
        .post('/sager')
        .set(som('sagsbehandler'))
        .send({ ...GYLDIG_SAG, titel }),
    );
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'titel' })]);
  });

  it('prose keeps its line breaks and tabs', async () => {
    const sagId = await sagI(klienten, 'under_udarbejdelse');
    await request(api.url)
      .post(`/sager/${sagId}/sagsfremstilling`)
      .set(som('sagsbehandler'))
      .send({ tekst: 'Første afsnit.\r\n\n\tAndet afsnit 😀.' })
      .expect(200);
  });

  it('a stale If-Match on POST /sager is a 412 that spends no sagsnummer', async () => {
    const problem = await refused(
      () => request(api.url).post('/sager').set(som('sagsbehandler')).set('If-Match', '"1000"').send(GYLDIG_SAG),
      412,
    );
    expect(problem.currentRevision).toBe('no_stream');
  });

  it.each([
    ['/sager?offset=9007199254740992', 'revisor'],
    ['/moeder?offset=1e308', 'revisor'],
    ['/audit/export?from=9007199254740992', 'revisor'],
  ] as const)('GET %s, a number beyond exact integers, is a 400, not a 500', async (url, role) => {
    await refused(() => request(api.url).get(url).set(klienten.token(role)));
  });

  it.each(['0x1', '1.0', '%201', '1e0', '+1'])('punkt number %s is a 400, not punkt 1', async (nr) => {
    const moedeId = await moedeI(klienten, 'planlagt');
    await refused(() => request(api.url).post(`/moeder/${moedeId}/punkter/${nr}/marker`).set(som('sekretaer')).send({ lukket: true }));
  });
});
