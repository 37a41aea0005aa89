import request from 'supertest';
import { forberedSag, Klient, klient, Sekretaer } from './support/moeder';
import { RunningApi, startApi } from './support/test-app';

/** Markup and every character HTML gives a meaning, in every text a user can type. */
const ONDT = `<script>alert(1)</script>"'&<>`;
const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;&lt;&gt;';
/** A label before the hostile text, so each field can be found in the documents on its own. */
const ond = (felt: string) => `${felt} ${ONDT}`;
const escaped = (felt: string) => `${felt} ${ESCAPED}`;

const UDVALG = ond('Udvalg');
const AABEN = {
  titel: ond('Titel'),
  anledning: `${ond('Anledning')}\n\n- ${ond('Anledningspunkt')}`,
  sagsfremstilling: `${ond('Sagsfremstilling')}\n\n${ond('Andet afsnit')}`,
  bilag: ond('Bilagstitel'),
  indstiller: ond('Indstiller'),
  at: [ond('At-punkt et'), ond('At-punkt to')],
};
const LUKKET = { titel: ond('Lukket titel'), anledning: ond('Lukket anledning'), neutralTitel: ond('Neutral titel') };
const MEDLEM = { a: ond('Medlem A'), b: ond('Medlem B'), c: ond('Medlem C'), d: ond('Medlem D'), e: ond('Medlem E') };
/** A party letter has at most 20 characters. */
const PARTI = `<b>"'&<>`;
const MOEDE = { sted: ond('Sted'), deltager: ond('Deltager'), sekretaer: ond('Sekretær') };
const TEKST = {
  inhabilitet: ond('Inhabil fordi'),
  beslutning: ond('Beslutning'),
  protokol: ond('Protokoltilførsel'),
  lukketBeslutning: ond('Lukket beslutning'),
};

/** The only elements the renderer writes; anything else in a document came from user text. */
const RENDERER_TAGS = /^<\/?(?:!doctype|html|head|meta|title|style|body|main|nav|section|h1|h2|h3|p|span|br|ol|ul|li|a)[\s>]/i;

function expectOnlyRendererMarkup(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toContain(ONDT);
  expect(html).not.toContain(PARTI);
  const foreign = [...html.matchAll(/<[^<]{0,20}/g)].map(([tag]) => tag).filter((tag) => !RENDERER_TAGS.test(tag));
  expect(foreign).toEqual([]);
}

describe('The HTML dagsorden and referat escape every user-supplied text', () => {
  let api: RunningApi;
  let klienten: Klient;
  let sekretaer: Sekretaer;
  let moedeId: string;

  const html = (art: 'dagsorden' | 'referat', publikum: 'intern' | 'offentlig') => {
    const get = request(api.url).get(`/moeder/${moedeId}/${art}`).set('Accept', 'text/html');
    return (publikum === 'intern' ? get.set(klienten.token('revisor')) : get).expect(200).then((response) => response.text);
  };

  beforeAll(async () => {
    api = await startApi();
    klienten = klient(api);
    sekretaer = new Sekretaer(klienten);
    const aaben = await forberedSag(klienten, {
      titel: AABEN.titel,
      sagstype: 'beslutning',
      sagsgang: [UDVALG],
      anledning: AABEN.anledning,
      sagsfremstilling: AABEN.sagsfremstilling,
      bilag: [AABEN.bilag],
      indstilling: { indstiller: AABEN.indstiller, atPunkter: AABEN.at },
    });
    const lukket = await forberedSag(klienten, {
      titel: LUKKET.titel,
      sagstype: 'beslutning',
      sagsgang: [UDVALG],
      anledning: LUKKET.anledning,
    });
    moedeId = await sekretaer.indkald({
      udvalg: UDVALG,
      start: '2030-02-04T16:00:00+01:00',
      sted: MOEDE.sted,
      medlemmer: [
        { navn: MEDLEM.a, parti: PARTI },
        { navn: MEDLEM.b },
        { navn: MEDLEM.c },
        { navn: MEDLEM.d },
        { navn: MEDLEM.e, parti: PARTI },
      ],
      deltagere: [MOEDE.deltager],
      sekretaer: MOEDE.sekretaer,
    });
    await sekretaer.tilfoej(moedeId, aaben.id);
    await sekretaer.tilfoej(moedeId, lukket.id, { lukket: true, neutralTitel: LUKKET.neutralTitel });
    await sekretaer.post(`/moeder/${moedeId}/fravaer`, { medlem: MEDLEM.e, art: 'afbud' });
    await sekretaer.post(`/moeder/${moedeId}/fravaer`, { medlem: MEDLEM.d, art: 'fravaer', punkter: [2] });
    await sekretaer.post(`/moeder/${moedeId}/udsend`);
  });
  afterAll(async () => {
    await api.stop();
  });

  describe('the dagsorden', () => {
    it.each(['intern', 'offentlig'] as const)('holds no markup but its own (%s)', async (publikum) => {
      expectOnlyRendererMarkup(await html('dagsorden', publikum));
    });

    it('shows every text of the agenda escaped (intern)', async () => {
      const dagsorden = await html('dagsorden', 'intern');
      const texts = [
        'Udvalg',
        'Sted',
        'Titel',
        'Anledning',
        'Anledningspunkt',
        'Sagsfremstilling',
        'Andet afsnit',
        'Bilagstitel',
        'Indstiller',
        'At-punkt et',
        'At-punkt to',
        'Lukket titel',
      ];
      expect(texts.filter((felt) => !dagsorden.includes(escaped(felt)))).toEqual([]);
    });

    it('shows the neutral title of the lukket punkt escaped (offentlig)', async () => {
      const dagsorden = await html('dagsorden', 'offentlig');
      expect(dagsorden).toContain(escaped('Neutral titel'));
      expect(dagsorden).toContain(escaped('Titel'));
      expect(dagsorden).not.toContain(escaped('Lukket titel'));
    });
  });

  describe('the referat', () => {
    beforeAll(async () => {
      await sekretaer.post(`/moeder/${moedeId}/aabn`);
      await sekretaer.post(`/moeder/${moedeId}/punkter/1/inhabilitet`, { medlem: MEDLEM.c, begrundelse: TEKST.inhabilitet });
      await sekretaer.post(`/moeder/${moedeId}/punkter/1/beslutning`, {
        udfald: 'godkendt',
        beslutningstekst: TEKST.beslutning,
        afstemning: { for: [MEDLEM.a, MEDLEM.d], imod: [MEDLEM.b], undlod: [] },
      });
      await sekretaer.post(`/moeder/${moedeId}/punkter/1/protokoltilfoersel`, { medlem: MEDLEM.b, tekst: TEKST.protokol });
      await sekretaer.post(`/moeder/${moedeId}/afgang`, { medlem: MEDLEM.c, efterPunkt: 1 });
      await sekretaer.beslut(moedeId, 2, 'godkendt', TEKST.lukketBeslutning);
      // Everyone who attended approves, also C, who forlod mødet efter punkt 1.
      await sekretaer.afslut(moedeId, [MEDLEM.a, MEDLEM.b, MEDLEM.c, MEDLEM.d]);
    });

    it.each(['intern', 'offentlig'] as const)('holds no markup but its own (%s)', async (publikum) => {
      expectOnlyRendererMarkup(await html('referat', publikum));
    });

    it('shows every text of the meeting escaped (intern)', async () => {
      const referat = await html('referat', 'intern');
      const texts = [
        'Udvalg',
        'Sted',
        'Medlem A',
        'Medlem B',
        'Medlem C',
        'Medlem D',
        'Medlem E',
        'Deltager',
        'Sekretær',
        'Titel',
        'Anledning',
        'Anledningspunkt',
        'Sagsfremstilling',
        'Andet afsnit',
        'Bilagstitel',
        'Indstiller',
        'At-punkt et',
        'At-punkt to',
        'Inhabil fordi',
        'Beslutning',
        'Protokoltilførsel',
        'Lukket titel',
        'Lukket anledning',
        'Lukket beslutning',
      ];
      expect(texts.filter((felt) => !referat.includes(escaped(felt)))).toEqual([]);
      expect(referat).toContain('&lt;b&gt;&quot;&#39;&amp;&lt;&gt;');
    });

    it('shows the open punkt and the neutral title escaped, and nothing of the lukket punkt (offentlig)', async () => {
      const referat = await html('referat', 'offentlig');
      const texts = ['Udvalg', 'Titel', 'Anledning', 'Indstiller', 'At-punkt et', 'Beslutning', 'Protokoltilførsel', 'Neutral titel'];
      expect(texts.filter((felt) => !referat.includes(escaped(felt)))).toEqual([]);
      expect(['Lukket titel', 'Lukket anledning', 'Lukket beslutning'].filter((felt) => referat.includes(escaped(felt)))).toEqual([]);
    });
  });
});
