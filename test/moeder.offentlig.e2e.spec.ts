import request from 'supertest';
import { forberedSag, Klient, klient, Sekretaer, somFormat } from './support/moeder';
import { RunningApi, startApi } from './support/test-app';

/** Every text of the lukket punkt; none may reach the public. */
const HEMMELIG = {
  titel: 'Afskedigelse af medarbejder Q',
  anledning: 'Hemmelig anledning om medarbejder Q',
  indstiller: 'Personalechefen indstiller fortroligt,',
  at: 'at medarbejder Q afskediges',
  sagsfremstilling: 'Fortrolig sagsfremstilling om Q',
  bilag: 'Fortroligt bilag om Q',
  beslutning: 'Medarbejder Q afskediges med virkning fra 1. marts',
};
const AABENT = { titel: 'Budgetopfølgning 3. kvartal', beslutning: 'Budgetopfølgningen blev taget til efterretning.' };

describe('The public referat of a meeting with a lukket punkt', () => {
  let api: RunningApi;
  let klienten: Klient;
  let sekretaer: Sekretaer;
  let moedeId: string;
  let hemmeligtSagsnummer: string;

  beforeAll(async () => {
    api = await startApi();
    klienten = klient(api);
    sekretaer = new Sekretaer(klienten);
    const aabent = await forberedSag(klienten, { titel: AABENT.titel, sagstype: 'orientering', sagsgang: ['Økonomiudvalget'] });
    const lukket = await forberedSag(klienten, {
      titel: HEMMELIG.titel,
      sagstype: 'beslutning',
      sagsgang: ['Økonomiudvalget'],
      anledning: HEMMELIG.anledning,
      sagsfremstilling: HEMMELIG.sagsfremstilling,
      bilag: [HEMMELIG.bilag],
      indstilling: { indstiller: HEMMELIG.indstiller, atPunkter: [HEMMELIG.at] },
    });
    hemmeligtSagsnummer = lukket.sagsnummer;
    moedeId = await sekretaer.indkald({
      udvalg: 'Økonomiudvalget',
      start: '2020-03-02T17:00:00+01:00',
      medlemmer: [{ navn: 'Anne', parti: 'A' }],
    });
    await sekretaer.tilfoej(moedeId, aabent.id);
    // Added åbent, then marked lukket: the marker route as the secretary uses it.
    const nr = await sekretaer.tilfoej(moedeId, lukket.id);
    await sekretaer.post(`/moeder/${moedeId}/punkter/${nr}/marker`, { lukket: true, neutralTitel: 'Personalesag' });
  });
  afterAll(async () => {
    await api.stop();
  });

  const offentlig = (art: 'dagsorden' | 'referat', accept = 'text/plain') =>
    request(api.url).get(`/moeder/${moedeId}/${art}`).set('Accept', accept);

  it('is 404 to the public before the dagsorden is sent, and the dagsorden is public once sent', async () => {
    await offentlig('dagsorden').expect(404);
    await sekretaer.aabn(moedeId);
    const dagsorden = await offentlig('dagsorden').expect(200);
    expect(dagsorden.text).toContain('Punkt 2: Personalesag');
    expect(dagsorden.text).not.toContain(HEMMELIG.titel);
  });

  it('is 404 to the public until the referat is published, with a problem+json body', async () => {
    await sekretaer.beslut(moedeId, 1, 'taget_til_efterretning', AABENT.beslutning);
    await sekretaer.beslut(moedeId, 2, 'godkendt', HEMMELIG.beslutning);
    await sekretaer.post(`/moeder/${moedeId}/haev`);
    await sekretaer.post(`/moeder/${moedeId}/referat/godkend`, { medlem: 'Anne' });

    const response = await offentlig('referat').expect(404);

    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  describe('once published', () => {
    beforeAll(async () => {
      await sekretaer.post(`/moeder/${moedeId}/referat/offentliggoer`);
    });

    it.each(['text', 'markdown', 'html'] as const)('never contains a text of the lukket punkt (%s)', async (format) => {
      const { accept, piece, document } = somFormat[format];
      const text = document((await offentlig('referat', accept).expect(200)).text);
      const leaked = [...Object.values(HEMMELIG), hemmeligtSagsnummer].filter(
        (hemmelig) => text.includes(piece(hemmelig)) || text.includes(hemmelig),
      );
      expect(leaked).toEqual([]);
    });

    it.each(['text', 'markdown', 'html'] as const)(
      'shows the lukket punkt by number and neutral title, and that it was decided (%s)',
      async (format) => {
        const { accept, piece, document } = somFormat[format];
        const text = document((await offentlig('referat', accept).expect(200)).text);
        expect(text).toContain(piece('Punkt 2: Personalesag'));
        expect(text).toContain(piece('Beslutning Økonomiudvalget den 02-03-2020'));
        expect(text).toContain(piece('Der er truffet beslutning i sagen.'));
      },
    );

    it('shows the åbent punkt in full', async () => {
      const text = (await offentlig('referat').expect(200)).text;
      expect(text).toContain(`Punkt 1: ${AABENT.titel}`);
      expect(text).toContain(AABENT.beslutning);
    });

    it('gives any valid token the internal version, lukket punkt included', async () => {
      const response = await offentlig('referat').set(klienten.token('sagsbehandler')).expect(200);
      expect(response.text).toContain(`Punkt 2: ${HEMMELIG.titel} (lukket)`);
      expect(response.text).toContain(HEMMELIG.beslutning);
      expect(response.text).toContain(hemmeligtSagsnummer);
      expect(response.headers.vary).toBe('Accept, Authorization');
    });

    it('answers an Accept it cannot serve with 406 problem+json', async () => {
      const response = await offentlig('referat', 'application/json').expect(406);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.detail).toContain('text/plain, text/markdown, text/html');
    });
  });

  it('is 404 for a meeting that does not exist, with or without a token', async () => {
    const id = '4f1c1f0e-0000-4000-8000-000000000000';
    await request(api.url).get(`/moeder/${id}/referat`).expect(404);
    await request(api.url).get(`/moeder/${id}/referat`).set(klienten.token('revisor')).expect(404);
  });
});
