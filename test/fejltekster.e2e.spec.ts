import request from 'supertest';
import { bearer } from './support/auth';
import { forberedSag, klient, Sekretaer } from './support/moeder';
import { RunningApi, startApi } from './support/test-app';

interface Problem {
  title: string;
  detail: string;
  errors?: { field: string; reason: string }[];
}

const GYLDIG = {
  titel: 'Budget 2021',
  journalnummer: '00.01.00',
  sagstype: 'beslutning',
  sagsgang: ['Direktionen'],
  ansvarligEnhed: 'BYC',
};
/** English that class-validator, Nest or Fastify would have said. */
const ENGELSK = /\b(must|should|property|expected|Validation failed|not found|HttpException|Error)\b/;

describe('Error texts a caseworker can act on: Danish titles and reasons, saying what to do', () => {
  let api: RunningApi;
  let sagsbehandler: { Authorization: string };
  let moedeId: string;

  beforeAll(async () => {
    api = await startApi();
    sagsbehandler = bearer(api, 'sagsbehandler');
    const sekretaer = new Sekretaer(klient(api));
    moedeId = await sekretaer.indkald({
      udvalg: 'Direktionen',
      start: '2019-12-16T09:00:00+01:00',
      medlemmer: [{ navn: 'Lars Holte' }, { navn: 'Per Aalbæk Nielsen' }],
    });
    await forberedSag(klient(api), { titel: 'Status', sagstype: 'beslutning', sagsgang: ['Direktionen'] });
  });
  afterAll(async () => {
    await api.stop();
  });

  async function refused(send: () => request.Test, status: number): Promise<Problem> {
    const response = await send().expect(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.body as Problem;
    expect(`${problem.title} ${problem.detail} ${(problem.errors ?? []).map((e) => e.reason).join(' ')}`).not.toMatch(ENGELSK);
    return problem;
  }
  const opret = (body: object) => () => request(api.url).post('/sager').set(sagsbehandler).send(body);

  it('says a list field sent as text must be a list of udvalg', async () => {
    const problem = await refused(opret({ ...GYLDIG, sagsgang: 'Direktionen' }), 400);
    expect(problem).toMatchObject({
      title: 'Ugyldig forespørgsel',
      errors: [{ field: 'sagsgang', reason: 'skal være en liste af udvalg' }],
    });
  });

  it('says a field of the wrong type is text, and nothing else about it', async () => {
    const problem = await refused(opret({ ...GYLDIG, titel: 42 }), 400);
    expect(problem.errors).toEqual([{ field: 'titel', reason: 'skal være tekst' }]);
  });

  it('names the allowed values and the allowed length', async () => {
    const problem = await refused(opret({ ...GYLDIG, sagstype: 'B', titel: '' }), 400);
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { field: 'titel', reason: 'skal være mellem 1 og 500 tegn' },
        { field: 'sagstype', reason: 'skal være en af beslutning, orientering, droeftelse' },
      ]),
    );
  });

  it('says why a sagsnummer is not accepted: the engine allocates it', async () => {
    const problem = await refused(opret({ ...GYLDIG, sagsnummer: '26/1' }), 400);
    expect(problem.errors).toEqual([
      { field: 'sagsnummer', reason: 'feltet kan ikke sendes: sagsnummeret tildeles af systemet, når sagen oprettes' },
    ]);
    expect(problem.detail).toBe('sagsnummer: feltet kan ikke sendes: sagsnummeret tildeles af systemet, når sagen oprettes');
  });

  it('calls any other unknown field unknown', async () => {
    const problem = await refused(opret({ ...GYLDIG, prioritet: 'høj' }), 400);
    expect(problem.errors).toEqual([{ field: 'prioritet', reason: 'feltet kendes ikke' }]);
  });

  it('lists the members when a name is not one of them', async () => {
    const send = () =>
      request(api.url).post(`/moeder/${moedeId}/fravaer`).set(bearer(api, 'sekretaer')).send({ medlem: 'Lars Holt', art: 'afbud' });
    const problem = await refused(send, 400);
    expect(problem.errors).toEqual([
      { field: 'medlem', reason: 'Lars Holt er ikke medlem af Direktionen ved dette møde; medlemmerne er Lars Holte, Per Aalbæk Nielsen' },
    ]);
  });

  it('states the limit of a body that is too large', async () => {
    const problem = await refused(opret({ ...GYLDIG, titel: 'x'.repeat(1_100_000) }), 413);
    expect(problem).toMatchObject({ title: 'For stor forespørgsel', detail: expect.stringContaining('grænsen på 1 MB (1.048.576 bytes)') });
  });

  it('says to send JSON when the body is something else', async () => {
    const problem = await refused(
      () => request(api.url).post('/sager').set(sagsbehandler).set('Content-Type', 'text/plain').send('titel=x'),
      415,
    );
    expect(problem).toMatchObject({
      title: 'Medietypen understøttes ikke',
      detail: 'Send kroppen som JSON med Content-Type: application/json',
    });
  });

  it('says a malformed body is not JSON', async () => {
    const send = () => request(api.url).post('/sager').set(sagsbehandler).set('Content-Type', 'application/json').send('{"titel": ');
    const problem = await refused(send, 400);
    expect(problem).toMatchObject({ title: 'Ugyldig forespørgsel', detail: expect.stringMatching(/^Kroppen er ikke gyldig JSON/) });
  });

  it('names a path parameter of the wrong form', async () => {
    const problem = await refused(() => request(api.url).post('/sager/123/anledning').set(sagsbehandler).send({ tekst: 'x' }), 400);
    expect(problem.errors).toEqual([{ field: 'id', reason: 'skal være et UUID, ikke "123"' }]);
  });

  it('says a route that does not exist does not exist', async () => {
    const problem = await refused(() => request(api.url).get('/sagerne').set(sagsbehandler), 404);
    expect(problem).toMatchObject({ title: 'Findes ikke', detail: 'Ruten GET /sagerne findes ikke' });
  });

  it('says which sag does not exist', async () => {
    const id = '6f1d1c3e-3b0e-4d8a-9a43-2f4b8c1e7a51';
    const problem = await refused(() => request(api.url).post(`/sager/${id}/anledning`).set(sagsbehandler).send({ tekst: 'x' }), 404);
    expect(problem).toMatchObject({ title: 'Findes ikke', detail: `sag ${id} findes ikke` });
  });

  it('says which role may not do what', async () => {
    const problem = await refused(() => request(api.url).post('/sager').set(bearer(api, 'revisor')).send(GYLDIG), 403);
    expect(problem).toMatchObject({ title: 'Ingen adgang', detail: 'Rollen revisor må ikke OpretSag' });
  });

  it('says a request without a token needs one', async () => {
    const problem = await refused(() => request(api.url).post('/sager').send(GYLDIG), 401);
    expect(problem).toMatchObject({ title: 'Ikke logget ind', detail: expect.stringContaining('Authorization: Bearer') });
  });
});
