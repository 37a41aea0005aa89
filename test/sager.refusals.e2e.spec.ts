import request from 'supertest';
import { bearer } from './support/auth';
import { headPosition } from './support/store';
import { RunningApi, startApi } from './support/test-app';

const GYLDIG = {
  titel: 'Seniorboliger',
  journalnummer: '02.00.00-A00-4-16',
  sagstype: 'orientering',
  sagsgang: ['Byrådet'],
  ansvarligEnhed: 'By',
};

describe('Refused requests change nothing and answer problem+json', () => {
  let api: RunningApi;
  let sagsbehandler: { Authorization: string };
  let sagId: string;

  beforeAll(async () => {
    api = await startApi();
    sagsbehandler = bearer(api, 'sagsbehandler');
    sagId = (await request(api.url).post('/sager').set(sagsbehandler).send(GYLDIG).expect(201)).body.id;
  });
  afterAll(async () => {
    await api.stop();
  });

  /** Sends, then checks the status, the problem+json shape and that the log did not grow. */
  async function expectRefused(send: () => request.Test, status: number) {
    const before = await headPosition(api);
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({
      status,
      type: expect.stringContaining('/problems/'),
      title: expect.any(String),
      detail: expect.any(String),
    });
    expect(await headPosition(api)).toBe(before);
    return response.body;
  }

  const badBodies: Array<[string, Record<string, unknown>, string]> = [
    ['a missing titel', { ...GYLDIG, titel: undefined }, 'titel'],
    ['an empty titel', { ...GYLDIG, titel: '' }, 'titel'],
    ['a number for titel', { ...GYLDIG, titel: 42 }, 'titel'],
    ['an unknown sagstype', { ...GYLDIG, sagstype: 'forslag' }, 'sagstype'],
    ['an empty sagsgang', { ...GYLDIG, sagsgang: [] }, 'sagsgang'],
    ['a repeated udvalg', { ...GYLDIG, sagsgang: ['Byrådet', 'Byrådet'] }, 'sagsgang'],
    ['an unknown field', { ...GYLDIG, aktoer: 'hacker' }, 'aktoer'],
    ['a nested object for ansvarligEnhed', { ...GYLDIG, ansvarligEnhed: { navn: 'x' } }, 'ansvarligEnhed'],
  ];

  it.each(badBodies)('POST /sager with %s is a 400 naming the field', async (_name, body, field) => {
    const problem = await expectRefused(() => request(api.url).post('/sager').set(sagsbehandler).send(body), 400);
    expect(problem.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it.each([
    ['emne', '0.01.10-A21-3-15'],
    ['handlingsfacet', '00.01.10-21-3-15'],
    ['løbenummer', '00.01.10-A21-x-15'],
    ['år', '00.01.10-A21-3-2015'],
  ])('a journalnummer with a wrong %s is a 400 that names that part', async (part, journalnummer) => {
    const problem = await expectRefused(
      () =>
        request(api.url)
          .post('/sager')
          .set(sagsbehandler)
          .send({ ...GYLDIG, journalnummer }),
      400,
    );
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'journalnummer', reason: expect.stringContaining(part) })]);
  });

  it.each([
    ['anledning', {}],
    ['anledning', { tekst: '' }],
    ['sagsfremstilling', { tekst: ['ikke', 'tekst'] }],
    ['indstilling', { indstiller: 'Direktøren indstiller,', atPunkter: [] }],
    ['indstilling', { indstiller: 'Direktøren indstiller,', atPunkter: [''] }],
    ['bilag', { titel: 'Plan', filnavn: '../../etc/passwd', medietype: 'application/pdf', indhold: 'aGVq' }],
    ['bilag', { titel: 'Plan', filnavn: 'plan.pdf', medietype: 'pdf', indhold: 'aGVq' }],
    ['bilag', { titel: 'Plan', filnavn: 'plan.pdf', medietype: 'application/pdf', indhold: 'ikke base64!' }],
    ['henlaeg', { begrundelse: 7 }],
    ['genoptag', { grund: 'forkert felt' }],
  ])('POST /sager/:id/%s with an invalid body %j is a 400', async (route, body) => {
    await expectRefused(() => request(api.url).post(`/sager/${sagId}/${route}`).set(sagsbehandler).send(body), 400);
  });

  it('a malformed JSON document is a 400', async () => {
    await expectRefused(
      () => request(api.url).post('/sager').set(sagsbehandler).set('Content-Type', 'application/json').send('{"titel": "halv'),
      400,
    );
  });

  it('a body over the size limit is a 413', async () => {
    await expectRefused(
      () =>
        request(api.url)
          .post(`/sager/${sagId}/anledning`)
          .set(sagsbehandler)
          .send({ tekst: 'x'.repeat(1_100_000) }),
      413,
    );
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/xml'])('a %s body is a 415', async (contentType) => {
    await expectRefused(() => request(api.url).post('/sager').set(sagsbehandler).set('Content-Type', contentType).send('titel=x'), 415);
  });

  it('a malformed If-Match header is a 400', async () => {
    await expectRefused(
      () => request(api.url).post(`/sager/${sagId}/anledning`).set(sagsbehandler).set('If-Match', 'seneste').send({ tekst: 'x' }),
      400,
    );
  });

  it('a sag id that is not a UUID is a 400', async () => {
    await expectRefused(() => request(api.url).post('/sager/123/anledning').set(sagsbehandler).send({ tekst: 'x' }), 400);
  });

  it('an unknown sag is a 404', async () => {
    await expectRefused(
      () => request(api.url).post('/sager/6f1d1c3e-3b0e-4d8a-9a43-2f4b8c1e7a51/anledning').set(sagsbehandler).send({ tekst: 'x' }),
      404,
    );
  });

  it('no token is a 401', async () => {
    await expectRefused(() => request(api.url).post('/sager').send(GYLDIG), 401);
  });

  it('a token signed with another secret is a 401', async () => {
    const forged = 'Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoiYWRtaW4iLCJzdWIiOiJ4IiwiZXhwIjo0MTAyNDQ0ODAwfQ.c2lnbmF0dXJl';
    await expectRefused(() => request(api.url).post('/sager').set('Authorization', forged).send(GYLDIG), 401);
  });

  it('a revisor may not create a sag: 403', async () => {
    await expectRefused(() => request(api.url).post('/sager').set(bearer(api, 'revisor')).send(GYLDIG), 403);
  });

  it('a sekretaer may not write an anledning: 403', async () => {
    await expectRefused(() => request(api.url).post(`/sager/${sagId}/anledning`).set(bearer(api, 'sekretaer')).send({ tekst: 'x' }), 403);
  });

  it('an illegal transition is a 409 naming the state, the command and what is allowed', async () => {
    const problem = await expectRefused(() => request(api.url).post(`/sager/${sagId}/afslut`).set(sagsbehandler).send(), 409);
    expect(problem).toMatchObject({
      currentState: 'under_udarbejdelse',
      attemptedCommand: 'AfslutSag',
      allowedCommands: expect.arrayContaining(['GivIndstilling']),
    });
  });
});
