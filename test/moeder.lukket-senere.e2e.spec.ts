import request from 'supertest';
import { RecordedEvent } from '@sagsgang/event-store';
import { forberedSag, Klient, klient, sagEfter, Sekretaer, somFormat } from './support/moeder';
import { helePdfTekst, PDFTOTEXT } from './support/pdf';
import { eventsOf, headPosition } from './support/store';
import { RunningApi, startApi } from './support/test-app';

/** Every text of the punkt that is closed after the dagsorden went out; none may reach the public afterwards. */
const HEMMELIG = {
  titel: 'Salg af grunden Lindegården',
  anledning: 'Køberen har bedt om fortrolighed om prisen',
  indstiller: 'Ejendomschefen indstiller fortroligt,',
  at: 'at grunden sælges for 4,2 mio. kr.',
  sagsfremstilling: 'Tilbuddet fra køberen ligger over vurderingen',
  beslutning: 'Grunden sælges til den højestbydende',
  bilag: 'Købstilbud fra Lindegårdens køber',
};
const AABENT = { titel: 'Budgetopfølgning 3. kvartal' };
type Format = 'text' | 'markdown' | 'html' | 'pdf';
// The PDF is read back with pdftotext (see test/support/pdf.ts); without it, the PDF cases are left out and say so.
const FORMATER: Format[] = ['text', 'markdown', 'html', ...(PDFTOTEXT ? (['pdf'] as const) : [])];
if (!PDFTOTEXT) process.stdout.write('skipped: the PDF views of a punkt closed later — no pdftotext on PATH (Debian poppler-utils)\n');
const recordedAt = (event: RecordedEvent) => event.metadata.recordedAt as string;

describe('A punkt marked lukket after the dagsorden was sent, in the public views', () => {
  let api: RunningApi;
  let klienten: Klient;
  let moedeId: string;
  let sagsnummer: string;
  let bilagId: string;
  let head: number;
  let events: RecordedEvent[];
  const event = (type: string) => events.find((candidate) => candidate.type === type)!;

  const offentlig = (art: 'dagsorden' | 'referat', accept: string, query: Record<string, string | number> = {}) =>
    request(api.url).get(`/moeder/${moedeId}/${art}`).query(query).set('Accept', accept);

  /** The public document as text to search, and how a plain piece of text shows in it. */
  async function offentligTekst(art: 'dagsorden' | 'referat', format: Format, query: Record<string, string | number>) {
    if (format === 'pdf') {
      const url = `${api.url}/moeder/${moedeId}/${art}?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]))}`;
      const response = await fetch(url, { headers: { accept: 'application/pdf' } });
      expect(response.status).toBe(200);
      return { text: helePdfTekst(Buffer.from(await response.arrayBuffer()), () => false), piece: (tekst: string) => tekst };
    }
    const { accept, piece, document } = somFormat[format];
    return { text: document((await offentlig(art, accept, query).expect(200)).text), piece };
  }

  function laekket(text: string, piece: (tekst: string) => string): string[] {
    return [...Object.values(HEMMELIG), sagsnummer].filter((hemmelig) => text.includes(piece(hemmelig)) || text.includes(hemmelig));
  }

  beforeAll(async () => {
    api = await startApi();
    klienten = klient(api);
    const sekretaer = new Sekretaer(klienten);
    const aabent = await forberedSag(klienten, { titel: AABENT.titel, sagstype: 'orientering', sagsgang: ['Økonomiudvalget'] });
    const hemmelig = await forberedSag(klienten, {
      titel: HEMMELIG.titel,
      sagstype: 'beslutning',
      sagsgang: ['Økonomiudvalget'],
      anledning: HEMMELIG.anledning,
      sagsfremstilling: HEMMELIG.sagsfremstilling,
      indstilling: { indstiller: HEMMELIG.indstiller, atPunkter: [HEMMELIG.at] },
      bilag: [HEMMELIG.bilag],
    });
    sagsnummer = hemmelig.sagsnummer;
    moedeId = await sekretaer.indkald({ udvalg: 'Økonomiudvalget', start: '2020-03-02T17:00:00+01:00', medlemmer: [{ navn: 'Anne' }] });
    await sekretaer.tilfoej(moedeId, aabent.id);
    await sekretaer.tilfoej(moedeId, hemmelig.id);
    await sekretaer.post(`/moeder/${moedeId}/udsend`);
    await sekretaer.post(`/moeder/${moedeId}/punkter/2/marker`, { lukket: true, neutralTitel: 'Ejendomshandel' });
    await sekretaer.post(`/moeder/${moedeId}/aabn`);
    await sekretaer.beslut(moedeId, 1, 'taget_til_efterretning');
    await sekretaer.beslut(moedeId, 2, 'godkendt', HEMMELIG.beslutning);
    await sekretaer.afslut(moedeId, ['Anne']);
    events = await eventsOf(api, `moede-${moedeId}`);
    head = await headPosition(api);
    bilagId = (await sagEfter(klienten, hemmelig.id, head)).bilag[0].bilagId as string;
  });
  afterAll(async () => {
    await api.stop();
  });

  const dagsordenMomenter = () => ({
    nu: {},
    'revision of the sending': { revision: event('DagsordenUdsendt').revision },
    'asOf the sending': { asOf: recordedAt(event('DagsordenUdsendt')) },
  });
  const referatMomenter = () => ({
    nu: {},
    'revision of the publishing': { revision: event('ReferatOffentliggjort').revision },
    'asOf the publishing': { asOf: recordedAt(event('ReferatOffentliggjort')) },
  });

  describe.each(FORMATER)('the dagsorden as %s', (format) => {
    it.each(['nu', 'revision of the sending', 'asOf the sending'] as const)('shows no content of the punkt (%s)', async (moment) => {
      const { text, piece } = await offentligTekst('dagsorden', format, dagsordenMomenter()[moment]);
      expect(laekket(text, piece)).toEqual([]);
      expect(text).toContain(piece('Punkt 2: Ejendomshandel'));
    });
  });

  describe.each(FORMATER)('the referat as %s', (format) => {
    it.each(['nu', 'revision of the publishing', 'asOf the publishing'] as const)('shows no content of the punkt (%s)', async (moment) => {
      const { text, piece } = await offentligTekst('referat', format, referatMomenter()[moment]);
      expect(laekket(text, piece)).toEqual([]);
      expect(text).toContain(piece('Der er truffet beslutning i sagen.'));
    });
  });

  describe('the public API, pages and search', () => {
    it('the meeting at /offentlig shows the punkt by its neutral title, without sagsnummer or bilag', async () => {
      const response = await request(api.url).get(`/offentlig/moeder/${moedeId}`).expect(200);
      expect(laekket(JSON.stringify(response.body), (tekst) => tekst)).toEqual([]);
      expect(response.body.punkter[1]).toMatchObject({ nr: 2, titel: 'Ejendomshandel', lukket: true, sagsnummer: null, bilag: [] });
    });

    it('does not hand out the punkt’s bilag', async () => {
      await request(api.url).get(`/offentlig/moeder/${moedeId}/punkter/2/bilag/${bilagId}`).expect(404);
    });

    it.each(['', '/dagsorden', '/referat'])('the page /moede/:id%s shows no content of the punkt', async (side) => {
      const response = await request(api.url).get(`/moede/${moedeId}${side}`).expect(200);
      expect(laekket(response.text, somFormat.html.piece)).toEqual([]);
    });

    it('search finds none of the punkt’s words', async () => {
      const response = await request(api.url).get('/offentlig/soeg').query({ q: 'Lindegården', minPosition: head }).expect(200);
      expect(response.body.items).toEqual([]);
    });
  });

  it('the internal dagsorden as sent still shows the punkt as it was then: åbent, in full', async () => {
    const response = await offentlig('dagsorden', 'text/plain', { revision: event('DagsordenUdsendt').revision })
      .set(klienten.token('revisor'))
      .expect(200);
    expect(response.text).toContain(`Punkt 2: ${HEMMELIG.titel}\n`);
    expect(response.text).toContain(HEMMELIG.at);
  });
});
