import request from 'supertest';
import { RecordedEvent } from '@sagsgang/event-store';
import { forberedSag, Klient, klient, sagEfter, Sekretaer } from './support/moeder';
import { eventsOf, headPosition } from './support/store';
import { RunningApi, startApi } from './support/test-app';

const HEMMELIG = {
  titel: 'Afskedigelse af medarbejder Q',
  anledning: 'Hemmelig anledning om medarbejder Q',
  bilag: 'Fortroligt bilag om Q',
  beslutning: 'Medarbejder Q afskediges med virkning fra 1. marts',
};
const UUID = '4f1c1f0e-0000-4000-8000-000000000000';

describe('Reads of a lukket punkt are recorded; the revisor reads everything and changes nothing', () => {
  let api: RunningApi;
  let klienten: Klient;
  let moedeId: string;
  let lukketSag: { id: string; bilagId: string };
  let aabenSag: string;

  const som = (role: 'sekretaer' | 'revisor' | 'sagsbehandler' | 'admin', userId = `${role}-2`) => klienten.token(role, userId);
  const laesninger = () => eventsOf(api, `adgangslog-${moedeId}`);

  /** What `read` appended to the meeting's adgangslog, after the process manager has settled. */
  async function registreret(read: () => Promise<unknown>): Promise<RecordedEvent[]> {
    await request(api.url)
      .get(`/moeder?minPosition=${await headPosition(api)}`)
      .set(som('revisor'))
      .expect(200);
    const foer = (await laesninger()).length;
    await read();
    return (await laesninger()).slice(foer);
  }

  beforeAll(async () => {
    api = await startApi();
    klienten = klient(api);
    const sekretaer = new Sekretaer(klienten);
    aabenSag = (await forberedSag(klienten, { titel: 'Budgetopfølgning', sagstype: 'orientering', sagsgang: ['Økonomiudvalget'] })).id;
    const lukket = await forberedSag(klienten, {
      titel: HEMMELIG.titel,
      sagstype: 'beslutning',
      sagsgang: ['Økonomiudvalget'],
      anledning: HEMMELIG.anledning,
      bilag: [HEMMELIG.bilag],
    });
    moedeId = await sekretaer.indkald({ udvalg: 'Økonomiudvalget', start: '2020-03-02T17:00:00+01:00', medlemmer: [{ navn: 'Anne' }] });
    await sekretaer.tilfoej(moedeId, aabenSag);
    await sekretaer.tilfoej(moedeId, lukket.id, { lukket: true, neutralTitel: 'Personalesag' });
    await sekretaer.aabn(moedeId);
    await sekretaer.beslut(moedeId, 1, 'taget_til_efterretning');
    await sekretaer.beslut(moedeId, 2, 'godkendt', HEMMELIG.beslutning);
    await sekretaer.afslut(moedeId, ['Anne']);
    const sag = await sagEfter(klienten, lukket.id, await headPosition(api));
    lukketSag = { id: lukket.id, bilagId: sag.bilag[0].bilagId };
  });
  afterAll(async () => {
    await api.stop();
  });

  it('a sekretær reading the internal referat appends a LukketPunktLaest naming the reader, with metadata like every event', async () => {
    let text = '';
    const nye = await registreret(async () => {
      text = (
        await request(api.url).get(`/moeder/${moedeId}/referat`).set(som('sekretaer')).set('X-Correlation-Id', 'revision-2020').expect(200)
      ).text;
    });

    expect(text).toContain(HEMMELIG.beslutning);
    expect(nye).toHaveLength(1);
    expect(nye[0]).toMatchObject({
      type: 'LukketPunktLaest',
      data: { moedeId, nr: 2, sagId: lukketSag.id, route: 'GET /moeder/:id/referat', url: `/moeder/${moedeId}/referat` },
      metadata: {
        actor: { userId: 'sekretaer-2', role: 'sekretaer' },
        correlationId: 'revision-2020',
        causationId: expect.any(String),
        recordedAt: expect.any(String),
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    });
  });

  it("a revisor reads the internal dagsorden, lukket punkt included, and the read is recorded as the revisor's", async () => {
    let response: request.Response | undefined;
    const nye = await registreret(async () => {
      response = await request(api.url).get(`/moeder/${moedeId}/dagsorden`).set(som('revisor')).expect(200);
    });

    expect(response!.text).toContain(`Punkt 2: ${HEMMELIG.titel} (lukket)`);
    expect(response!.text).toContain(HEMMELIG.anledning);
    expect(nye.map((event) => ({ actor: event.metadata.actor, route: event.data.route, nr: event.data.nr }))).toEqual([
      { actor: { userId: 'revisor-2', role: 'revisor' }, route: 'GET /moeder/:id/dagsorden', nr: 2 },
    ]);
    // Without X-Correlation-Id: the id the request was given, as its response echoes it.
    expect(nye[0].metadata.correlationId).toBe(response!.headers['x-correlation-id']);
  });

  it('the public version appends nothing and shows nothing of the punkt', async () => {
    const foer = await headPosition(api);
    const referat = await request(api.url).get(`/moeder/${moedeId}/referat`).expect(200);
    const dagsorden = await request(api.url).get(`/moeder/${moedeId}/dagsorden`).query({ revision: 5 }).expect(200);

    expect(await headPosition(api)).toBe(foer);
    expect(referat.text + dagsorden.text).not.toContain(HEMMELIG.titel);
  });

  it("GET /moeder/:id is a recorded read, and does not move the meeting's revision or ETag", async () => {
    const moedeFoer = await eventsOf(api, `moede-${moedeId}`);
    const etags: string[] = [];
    const nye = await registreret(async () => {
      for (const query of [{}, { revision: moedeFoer.length - 1 }]) {
        etags.push((await request(api.url).get(`/moeder/${moedeId}`).query(query).set(som('sekretaer')).expect(200)).headers.etag);
      }
    });

    expect(nye.map((event) => event.data.route)).toEqual(['GET /moeder/:id', 'GET /moeder/:id']);
    expect(etags).toEqual([`"${moedeFoer.length - 1}"`, `"${moedeFoer.length - 1}"`]);
    expect(await eventsOf(api, `moede-${moedeId}`)).toHaveLength(moedeFoer.length);
  });

  it.each([
    ['GET /sager/:id', 'now', () => `/sager/${lukketSag.id}`],
    ['GET /sager/:id', 'at a revision', () => `/sager/${lukketSag.id}?revision=1`],
    ['GET /sager/:id/historik', 'its historik', () => `/sager/${lukketSag.id}/historik`],
    ['GET /sager/:id/bilag/:bilagId', 'its bilag', () => `/sager/${lukketSag.id}/bilag/${lukketSag.bilagId}`],
    ['GET /sager', 'a list holding it', () => `/sager?q=${encodeURIComponent('medarbejder Q')}`],
    ['GET /moeder/:id/historik', 'a page of the meeting historik naming it', () => `/moeder/${moedeId}/historik?limit=3&offset=2`],
  ])('%s of the lukket sag (%s) is a recorded read', async (route, _hvad, url) => {
    const nye = await registreret(() => request(api.url).get(url()).set(som('admin')).expect(200));
    expect(nye.map(({ data }) => data)).toEqual([{ moedeId, nr: 2, sagId: lukketSag.id, route, url: url() }]);
  });

  it('reading the åbne sag, or a page of the meeting historik that does not concern the lukket punkt, records nothing', async () => {
    const nye = await registreret(async () => {
      await request(api.url).get(`/sager/${aabenSag}`).set(som('revisor')).expect(200);
      await request(api.url).get(`/sager/${aabenSag}/historik`).set(som('revisor')).expect(200);
      await request(api.url).get(`/moeder/${moedeId}/historik?limit=2`).set(som('revisor')).expect(200);
    });
    expect(nye).toEqual([]);
  });

  it('a sag read while on no meeting and then put on one as a lukket punkt is a recorded read from then on, in a list and alone', async () => {
    const sag = await forberedSag(klienten, { titel: 'Senere lukket sag', sagstype: 'beslutning', sagsgang: ['Økonomiudvalget'] });
    const liste = `/sager?q=${encodeURIComponent('Senere lukket')}`;
    await request(api.url).get(liste).set(som('revisor')).expect(200);
    await request(api.url).get(`/sager/${sag.id}`).set(som('revisor')).expect(200);
    const sekretaer = new Sekretaer(klienten);
    const senere = await sekretaer.indkald({
      udvalg: 'Økonomiudvalget',
      start: '2020-04-06T17:00:00+02:00',
      medlemmer: [{ navn: 'Anne' }],
    });
    const nr = await sekretaer.tilfoej(senere, sag.id);
    await sekretaer.post(`/moeder/${senere}/punkter/${nr}/marker`, { lukket: true, neutralTitel: 'Personalesag' });

    await registreret(async () => {
      await request(api.url).get(liste).set(som('revisor')).expect(200);
      await request(api.url).get(`/sager/${sag.id}`).set(som('revisor')).expect(200);
    });
    const laest = (await eventsOf(api, `adgangslog-${senere}`)).map(({ data }) => data.route);
    expect(laest).toEqual(['GET /sager', 'GET /sager/:id']);
  });

  it('GET /audit/adgangslog shows a revisor who read which punkt, when and how, newest first', async () => {
    const alle = await laesninger();
    const { body } = await request(api.url)
      .get('/audit/adgangslog')
      .query({ moedeId, order: 'desc', limit: 2 })
      .set(som('revisor'))
      .expect(200);

    expect(body).toMatchObject({ stream: `adgangslog-${moedeId}`, total: alle.length, nextFromRevision: alle.length - 3 });
    expect(body.items[0]).toMatchObject({
      revision: alle.length - 1,
      type: 'LukketPunktLaest',
      actor: { userId: 'admin-2', role: 'admin' },
      resume: 'Lukket punkt 2 læst via GET /moeder/:id/historik',
      recordedAt: alle.at(-1)!.metadata.recordedAt,
    });
  });

  it('GET /audit/adgangslog is for revisor and admin only, and needs a meeting id', async () => {
    await request(api.url).get('/audit/adgangslog').query({ moedeId }).set(som('sekretaer')).expect(403);
    await request(api.url).get('/audit/adgangslog').set(som('revisor')).expect(400);
  });

  it('the adgangslog is hash-chained and verified like every other stream', async () => {
    const { body } = await request(api.url).get('/audit/verify').set(som('revisor')).expect(200);
    expect(body.failures).toEqual([]);
  });

  describe('the revisor changes nothing', () => {
    /** Every write route of sager and møder, each with a body that passes validation, so only the role can refuse it. */
    const SKRIV: [string, string, object | Buffer][] = [
      ['post', '/sager', { titel: 'T', journalnummer: '00.01.00', sagstype: 'beslutning', sagsgang: ['Byrådet'], ansvarligEnhed: 'BYC' }],
      ['post', '/sager/{id}/anledning', { tekst: 'x' }],
      ['post', '/sager/{id}/sagsfremstilling', { tekst: 'x' }],
      [
        'post',
        '/sager/{id}/bilag',
        { titel: 'B', filnavn: 'b.pdf', medietype: 'application/pdf', indhold: Buffer.from('%PDF').toString('base64') },
      ],
      // The file itself as the body, as a PDF: the type check comes first, the role is the command's.
      ['post', '/sager/{id}/bilag/fil?titel=B&filnavn=b.pdf', Buffer.from('%PDF-1.7\n')],
      ['post', '/sager/{id}/indstilling', { indstiller: 'Det indstilles,', atPunkter: ['at sagen godkendes'] }],
      ['post', '/sager/{id}/henlaeg', { begrundelse: 'x' }],
      ['post', '/sager/{id}/afslut', {}],
      ['post', '/sager/{id}/genoptag', { begrundelse: 'x' }],
      [
        'post',
        '/moeder',
        { udvalg: 'Byrådet', start: '2020-04-06T09:00:00+02:00', sted: 'B105', medlemmer: [{ navn: 'Anne' }], sekretaer: 'K' },
      ],
      ['post', '/moeder/{id}/udsend', {}],
      ['post', '/moeder/{id}/aabn', {}],
      ['post', '/moeder/{id}/aflys', { begrundelse: 'x' }],
      ['post', '/moeder/{id}/haev', {}],
      ['post', '/moeder/{id}/fravaer', { medlem: 'Anne', art: 'afbud' }],
      ['post', '/moeder/{id}/afgang', { medlem: 'Anne', efterPunkt: 1 }],
      ['post', '/moeder/{id}/referat/godkend', { medlem: 'Anne' }],
      ['post', '/moeder/{id}/referat/offentliggoer', {}],
      ['post', '/moeder/{id}/punkter', { sagId: UUID }],
      ['post', '/moeder/{id}/punkter/{nr}/flyt', { tilNr: 1 }],
      ['delete', '/moeder/{id}/punkter/{nr}', {}],
      ['post', '/moeder/{id}/punkter/{nr}/marker', { lukket: false }],
      ['post', '/moeder/{id}/punkter/{nr}/inhabilitet', { medlem: 'Anne', begrundelse: 'x' }],
      ['post', '/moeder/{id}/punkter/{nr}/beslutning', { udfald: 'godkendt', beslutningstekst: 'x' }],
      ['post', '/moeder/{id}/punkter/{nr}/protokoltilfoersel', { medlem: 'Anne', tekst: 'x' }],
    ];

    it('the list above names every write route of sager and møder in the OpenAPI document', async () => {
      const paths: Record<string, Record<string, unknown>> = (await request(api.url).get('/docs/openapi.json').expect(200)).body.paths;
      const skriv = Object.entries(paths).flatMap(([path, operations]) =>
        Object.keys(operations)
          .filter((method) => ['post', 'put', 'patch', 'delete'].includes(method) && /^\/(sager|moeder)/.test(path))
          .map((method) => `${method} ${path}`),
      );
      expect(skriv.sort()).toEqual(SKRIV.map(([method, path]) => `${method} ${path.split('?')[0]}`).sort());
    });

    it.each(SKRIV)('%s %s refuses a revisor with 403 problem+json and appends nothing', async (method, path, body) => {
      const url = path.replace('{id}', path.startsWith('/sager') ? lukketSag.id : moedeId).replace('{nr}', '1');
      await request(api.url)
        .get(`/moeder?minPosition=${await headPosition(api)}`)
        .set(som('revisor'))
        .expect(200);
      const foer = await headPosition(api);

      const response = await (method === 'delete' ? request(api.url).delete(url) : request(api.url).post(url))
        .set(som('revisor'))
        .set(Buffer.isBuffer(body) ? { 'content-type': 'application/pdf' } : {})
        .send(body);

      expect({ status: response.status, type: response.headers['content-type'] }).toEqual({
        status: 403,
        type: expect.stringContaining('application/problem+json'),
      });
      expect(await headPosition(api)).toBe(foer);
    });
  });
});
