import request from 'supertest';
import { loadOrCreateJwtSecret } from '@sagsgang/auth';
import { DOKUMENTATION, forventet, LaeseFixtur, Laesning, LAESNINGER, operationer, SKRIVNINGER } from './support/adgang';
import { forberedSag, klient, Klient, sagEfter, Sekretaer } from './support/moeder';
import { headPosition, storeOf } from './support/store';
import { MEDLEMMER, moedeI, UDVALG } from './support/tilstande';
import { authorization, Principal, PRINCIPALS } from './support/tokens';
import { RunningApi, startApi } from './support/test-app';

const LUKKET = {
  titel: 'Afskedigelse af medarbejder Ø',
  anledning: 'Fortrolig anledning om medarbejder Ø',
  beslutning: 'Medarbejder Ø afskediges',
};
const AABEN = { titel: 'Budgetopfølgning for 1. kvartal', beslutning: 'Budgetopfølgningen godkendes' };

describe('Access: every read route × every principal', () => {
  let api: RunningApi;
  let klienten: Klient;
  let secret: string;
  let fixtur: LaeseFixtur;
  /** Every body and header the API sent in this file, to look for the secret in. */
  const svar: string[] = [];

  const send = async (url: string, principal: Principal) => {
    const response = await request(api.url).get(url).set(authorization(secret, principal));
    svar.push(response.text ?? '', JSON.stringify(response.headers));
    return response;
  };

  /** Waits for the process manager and read models, so only the request under test can append. */
  async function rolig(): Promise<number> {
    await request(api.url)
      .get(`/moeder?minPosition=${await headPosition(api)}`)
      .set(klienten.token('revisor'))
      .expect(200);
    return headPosition(api);
  }

  beforeAll(async () => {
    api = await startApi();
    klienten = klient(api);
    secret = loadOrCreateJwtSecret(api.dataDir);
    const sekretaer = new Sekretaer(klienten);
    const aaben = await forberedSag(klienten, { titel: AABEN.titel, sagstype: 'beslutning', sagsgang: [UDVALG], bilag: ['Regnskab'] });
    const lukket = await forberedSag(klienten, {
      titel: LUKKET.titel,
      anledning: LUKKET.anledning,
      sagstype: 'beslutning',
      sagsgang: [UDVALG],
      bilag: ['Fortroligt'],
    });
    const moedeId = await sekretaer.indkald({
      udvalg: UDVALG,
      start: '2030-02-03T09:00:00+01:00',
      medlemmer: MEDLEMMER.map((navn) => ({ navn })),
    });
    await sekretaer.tilfoej(moedeId, aaben.id);
    await sekretaer.tilfoej(moedeId, lukket.id, { lukket: true, neutralTitel: 'Personalesag' });
    await sekretaer.aabn(moedeId);
    await sekretaer.beslut(moedeId, 1, 'godkendt', AABEN.beslutning);
    await sekretaer.beslut(moedeId, 2, 'godkendt', LUKKET.beslutning);
    await sekretaer.afslut(moedeId, MEDLEMMER);
    const lukketNu = await sagEfter(klienten, lukket.id, await headPosition(api));
    fixtur = {
      moedeId,
      lukketSag: { id: lukket.id, titel: LUKKET.titel, bilagId: lukketNu.bilag[0].bilagId },
      aabenSag: { id: aaben.id, titel: AABEN.titel },
    };
  });
  afterAll(async () => {
    await api.stop();
  });

  it('the tables name every route and method of the OpenAPI document, and nothing else', async () => {
    const document = (await request(api.url).get('/docs/openapi.json').expect(200)).body;
    expect(operationer(document).sort()).toEqual([...Object.keys(LAESNINGER), ...Object.keys(SKRIVNINGER)].sort());
  });

  const celler = Object.entries({ ...LAESNINGER, ...DOKUMENTATION }).flatMap(([route, adgang]) =>
    PRINCIPALS.map((principal) => [route, principal, forventet(adgang, principal), adgang] as [string, Principal, number, Laesning]),
  );

  it.each(celler)('%s as %s: %i', async (_route, principal, status, adgang) => {
    const foer = await rolig();

    const response = await send(adgang.url(fixtur), principal);

    expect(response.status).toBe(status);
    if (status >= 400) expect(response.headers['content-type']).toContain('application/problem+json');
    const nye = await storeOf(api).readAll({ fromPosition: foer + 1 });
    // A logged-in reader of the lukket punkt's content is recorded; the public and the refused are not.
    const registreret = status < 300 && principal !== 'anonym' ? adgang.lukketLaest : 0;
    expect(
      nye.map((event) => ({ stream: event.streamName, type: event.type, role: (event.metadata.actor as { role: string }).role })),
    ).toEqual(
      Array.from({ length: registreret }, () => ({ stream: `adgangslog-${fixtur.moedeId}`, type: 'LukketPunktLaest', role: principal })),
    );
  });

  describe('the public', () => {
    it.each(['dagsorden', 'referat'])(
      'reads the published %s with the åbent punkt and only the number and neutral title of the lukket one',
      async (art) => {
        const foer = await rolig();
        const { text } = await send(`/moeder/${fixtur.moedeId}/${art}`, 'anonym');

        expect(text).toContain(AABEN.titel);
        expect(text).toContain('Personalesag');
        for (const hemmelig of Object.values(LUKKET)) expect(text).not.toContain(hemmelig);
        expect(await headPosition(api)).toBe(foer);
      },
    );

    it.each(['planlagt', 'i_gang', 'haevet', 'referat_godkendt'] as const)(
      'gets 404 for the referat of a meeting that is %s',
      async (tilstand) => {
        const moedeId = await moedeI(klienten, tilstand);
        expect((await send(`/moeder/${moedeId}/referat`, 'anonym')).status).toBe(404);
        // The staff read it from the opening on.
        expect((await send(`/moeder/${moedeId}/referat`, 'sagsbehandler')).status).toBe(tilstand === 'planlagt' ? 404 : 200);
      },
    );

    it('gets 404 for the dagsorden of a meeting not yet sent, 200 once it is', async () => {
      const moedeId = await moedeI(klienten, 'planlagt');
      expect((await send(`/moeder/${moedeId}/dagsorden`, 'anonym')).status).toBe(404);
      await new Sekretaer(klienten).post(`/moeder/${moedeId}/udsend`);
      expect((await send(`/moeder/${moedeId}/dagsorden`, 'anonym')).status).toBe(200);
    });

    it.each([
      ['the sag', (f: LaeseFixtur) => `/sager/${f.aabenSag.id}`],
      ['the meeting', (f: LaeseFixtur) => `/moeder/${f.moedeId}`],
      ['the meeting list', () => '/moeder'],
    ])('may not read %s behind a published referat (401)', async (_hvad, url) => {
      expect((await send(url(fixtur), 'anonym')).status).toBe(401);
    });
  });

  describe('tokens and the secret', () => {
    it('a token as the API and the CLI issue it carries an expiry, 8 hours by default', () => {
      const token = authorization(secret, 'sagsbehandler').Authorization.split(' ')[1];
      const { iat, exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
      expect(exp - iat).toBe(8 * 3600);
    });

    it('is in no response: not in the documentation, the health reports, the metrics, the problem documents or the export', async () => {
      for (const url of ['/docs', '/docs/openapi.json', '/docs/swagger-ui-init.js', '/health', '/health/ready']) await send(url, 'anonym');
      await send('/metrics', 'admin');
      await send('/audit/export', 'revisor');
      // Problem documents for every kind of refused token.
      for (const principal of PRINCIPALS) await send('/sager', principal);

      expect(svar.length).toBeGreaterThan(2 * (Object.keys(LAESNINGER).length * PRINCIPALS.length));
      const laekket = svar.filter((tekst) => tekst.includes(secret));
      expect(laekket).toEqual([]);
    });
  });
});
