import request from 'supertest';
import { forberedSag, Klient, klient, Sekretaer } from './support/moeder';
import { RunningApi, startApi } from './support/test-app';

const HEMMELIG = {
  titel: 'Afskedigelse af medarbejder Q',
  anledning: 'Fortrolig anledning om medarbejder Q',
  bilag: 'Fortroligt notat om Q',
};
/** Two days ago, on the hour: recent enough for the calendar's year. */
const START = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 2 * 86_400_000).toISOString().replace('.000Z', 'Z');
const AABENT = { titel: 'Budgetopfølgning 3. kvartal', anledning: 'Budgetterne for skolerne er overskredet.', bilag: 'Budgetnotat' };

describe('The public API (/offentlig) of a meeting with an open and a lukket punkt', () => {
  let api: RunningApi;
  let klienten: Klient;
  let sekretaer: Sekretaer;
  let moedeId: string;
  let aabentSag: string;
  let lukketSag: string;

  beforeAll(async () => {
    api = await startApi();
    klienten = klient(api);
    sekretaer = new Sekretaer(klienten);
    aabentSag = (await forberedSag(klienten, { ...AABENT, bilag: [AABENT.bilag], sagstype: 'orientering', sagsgang: ['Økonomiudvalget'] }))
      .id;
    lukketSag = (
      await forberedSag(klienten, { ...HEMMELIG, bilag: [HEMMELIG.bilag], sagstype: 'beslutning', sagsgang: ['Økonomiudvalget'] })
    ).id;
    moedeId = await sekretaer.indkald({ udvalg: 'Økonomiudvalget', start: START, medlemmer: [{ navn: 'Anne', parti: 'A' }] });
    await sekretaer.tilfoej(moedeId, aabentSag);
    await sekretaer.tilfoej(moedeId, lukketSag, { lukket: true, neutralTitel: 'Personalesag' });
  });
  afterAll(async () => {
    await api.stop();
  });

  const get = (path: string) => request(api.url).get(path);
  const bilagId = async (sagId: string) =>
    (await get(`/sager/${sagId}`).set(klienten.token('revisor')).expect(200)).body.bilag[0].bilagId as string;

  describe('before the dagsorden is sent', () => {
    it('does not list the meeting', async () => {
      const { body } = await get('/offentlig/moeder').expect(200);
      expect(body.items).toEqual([]);
    });

    it('answers 404 for the meeting and its open bilag', async () => {
      await get(`/offentlig/moeder/${moedeId}`).expect(404);
      await get(`/offentlig/moeder/${moedeId}/punkter/1/bilag/${await bilagId(aabentSag)}`).expect(404);
    });
  });

  describe('once the dagsorden is sent', () => {
    let position: number;
    beforeAll(async () => {
      position = (await sekretaer.post(`/moeder/${moedeId}/udsend`)).position as number;
    });

    it('lists the meeting, and its udvalg on the front page', async () => {
      const liste = await get(`/offentlig/moeder?udvalg=${encodeURIComponent('Økonomiudvalget')}&minPosition=${position}`).expect(200);
      const forside = await get('/offentlig/forside').expect(200);
      expect([liste.body.items.map((moede: { id: string }) => moede.id), forside.body.udvalg]).toEqual([[moedeId], ['Økonomiudvalget']]);
    });

    it('shows the lukket punkt by its neutral title only, without sagsnummer or bilag', async () => {
      const { body } = await get(`/offentlig/moeder/${moedeId}`).expect(200);
      expect(body.punkter[1]).toEqual({
        nr: 2,
        titel: 'Personalesag',
        lukket: true,
        supplerende: false,
        trukket: false,
        sagsnummer: null,
        beslutning: null,
        bilag: [],
      });
      expect(JSON.stringify(body)).not.toContain('medarbejder Q');
    });

    it('hands out the open punkt’s bilag, byte for byte', async () => {
      const { body } = await get(`/offentlig/moeder/${moedeId}`).expect(200);
      const fil = await get(body.punkter[0].bilag[0].url).buffer(true).expect(200);
      expect([fil.headers['content-type'], fil.body.toString()]).toEqual(['application/pdf', `%PDF-1.4 ${AABENT.bilag}`]);
    });

    it('refuses the lukket punkt’s bilag by any path', async () => {
      const id = await bilagId(lukketSag);
      await get(`/offentlig/moeder/${moedeId}/punkter/2/bilag/${id}`).expect(404);
      await get(`/offentlig/moeder/${moedeId}/punkter/1/bilag/${id}`).expect(404);
    });

    it('finds the open punkt by an inflected Danish word, with the word marked', async () => {
      const { body } = await get(`/offentlig/soeg?q=budgettet&minPosition=${position}`).expect(200);
      expect(body.items.map((hit: { punktNr: number; art: string }) => [hit.punktNr, hit.art])).toEqual([[1, 'dagsorden']]);
      const fremhaevet = body.items[0].uddrag.filter((del: { fremhaevet: boolean }) => del.fremhaevet);
      expect(fremhaevet.map((del: { tekst: string }) => del.tekst)).toContain('Budgetterne');
    });

    it('finds nothing of the lukket punkt’s content', async () => {
      const { body } = await get(`/offentlig/soeg?q=medarbejder&minPosition=${position}`).expect(200);
      expect(body.items).toEqual([]);
    });

    it('refuses an empty search with a problem naming q', async () => {
      const { body } = await get('/offentlig/soeg?q=').expect(400);
      expect(JSON.stringify(body)).toContain('q');
    });
  });

  describe('once the referat is published', () => {
    let position: number;
    beforeAll(async () => {
      await sekretaer.post(`/moeder/${moedeId}/aabn`);
      await sekretaer.beslut(moedeId, 1, 'taget_til_efterretning', 'Skolernes budgetter blev drøftet grundigt.');
      await sekretaer.beslut(moedeId, 2, 'godkendt', 'Medarbejder Q afskediges.');
      await sekretaer.afslut(moedeId, ['Anne']);
      position = (await get(`/moeder/${moedeId}`).set(klienten.token('revisor')).expect(200)).body.position as number;
    });

    it('shows each outcome, the lukket one only as decided', async () => {
      const { body } = await get(`/offentlig/moeder/${moedeId}?minPosition=${position}`).expect(200);
      expect(body.punkter.map((punkt: { beslutning: string }) => punkt.beslutning)).toEqual([
        'Taget til efterretning',
        'Der er truffet beslutning i sagen.',
      ]);
    });

    it('finds the referat by words of the beslutning', async () => {
      const { body } = await get(`/offentlig/soeg?q=${encodeURIComponent('grundigt drøftet')}&minPosition=${position}`).expect(200);
      expect(body.items.map((hit: { art: string }) => hit.art)).toEqual(['referat']);
    });

    it('puts the referat in the RSS and Atom feeds, linking to its page', async () => {
      const rss = await get('/offentlig/referater.rss').expect(200);
      const atom = await get('/offentlig/referater.atom').expect(200);
      expect(rss.headers['content-type']).toContain('application/rss+xml');
      expect([rss.text, atom.text].every((feed) => feed.includes(`/moede/${moedeId}/referat`))).toBe(true);
      expect(rss.text).not.toContain('medarbejder Q');
    });

    it('puts the meeting in the udvalg’s calendar', async () => {
      const { text, headers } = await get(`/offentlig/udvalg/${encodeURIComponent('Økonomiudvalget')}/kalender.ics`).expect(200);
      expect(headers['content-type']).toContain('text/calendar');
      expect(text).toContain(`UID:${moedeId}@sagsgang`);
      expect(text).toContain(`DTSTART:${START.replace(/[-:]/g, '')}`);
    });
  });
});
