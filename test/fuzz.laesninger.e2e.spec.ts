import { connect } from 'node:net';
import fc from 'fast-check';
import request from 'supertest';
import { loadOrCreateJwtSecret } from '@sagsgang/auth';
import { ROLES } from '@sagsgang/kernel';
import { LAESNINGER, operationer } from './support/adgang';
import { fjendtligLaesning, Laeserute, OpenApiParameter, raaForespoergsel } from './support/fjendtlig-http';
import { objectPrototypeUroert, sendOgKontroller, Statuser } from './support/fuzz-kontrol';
import { forberedSag, klient, Klient, sagEfter, Sekretaer } from './support/moeder';
import { headPosition } from './support/store';
import { MEDLEMMER, UDVALG } from './support/tilstande';
import { authorization, Principal } from './support/tokens';
import { RunningApi, startApi } from './support/test-app';

/** Cases per read route (sent a few at a time), and raw requests on a socket. */
const RUNS = 200;
const SAMTIDIGE = 4;
const RAW_RUNS = 300;
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

/** Sends bytes as they are and reads the status line, if the server answers one before it closes. */
function raa(api: RunningApi, bytes: Buffer): Promise<number | null> {
  const { port } = new URL(api.url);
  return new Promise((resolve) => {
    let svar = '';
    const socket = connect(Number(port), '127.0.0.1', () => socket.end(bytes));
    const slut = () => resolve(/^HTTP\/1\.[01] (\d{3})/.exec(svar)?.[1] ? Number(/^HTTP\/1\.[01] (\d{3})/.exec(svar)![1]) : null);
    socket.setTimeout(3000, () => socket.destroy());
    socket.on('data', (chunk) => (svar += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', slut);
  });
}

describe('Hostile reads: query values, path parameters and raw HTTP never give a 5xx or append', () => {
  let api: RunningApi;
  let klienten: Klient;
  let secret: string;
  let ruter: Laeserute[];
  let stier: Record<string, Record<string, string>>;
  let head: number;
  const oversigt: string[] = [];

  beforeAll(async () => {
    api = await startApi();
    klienten = klient(api);
    secret = loadOrCreateJwtSecret(api.dataDir);
    const document = (await request(api.url).get('/docs/openapi.json').expect(200)).body;
    ruter = operationer(document)
      .filter((operation) => operation.startsWith('GET '))
      .map((route) => ({ route, parameters: (document.paths[route.split(' ')[1]].get.parameters ?? []) as OpenApiParameter[] }));
    // A published meeting with an åbent punkt whose sag has a bilag: reads reach real data, and none is of a lukket punkt.
    const sag = await forberedSag(klienten, { titel: 'Budget', sagstype: 'beslutning', sagsgang: [UDVALG], bilag: ['Regnskab'] });
    const sekretaer = new Sekretaer(klienten);
    const moedeId = await sekretaer.indkald({
      udvalg: UDVALG,
      start: '2030-03-03T09:00:00+01:00',
      medlemmer: MEDLEMMER.map((navn) => ({ navn })),
    });
    await sekretaer.tilfoej(moedeId, sag.id);
    await sekretaer.aabn(moedeId);
    await sekretaer.beslut(moedeId, 1, 'godkendt');
    await sekretaer.afslut(moedeId, MEDLEMMER);
    const bilagId = (await sagEfter(klienten, sag.id, await headPosition(api))).bilag[0].bilagId as string;
    stier = {
      sager: { id: sag.id, bilagId },
      moeder: { id: moedeId },
      audit: { moedeId },
      offentlig: { id: moedeId, nr: '1', bilagId, udvalg: UDVALG },
    };
    head = await headPosition(api);
  }, 60_000);
  afterAll(async () => {
    await api.stop();
    if (process.env.FUZZ_STATS) console.log(oversigt.join('\n'));
  });

  it('fuzzes every GET of the OpenAPI document', () => {
    expect(ruter.map(({ route }) => route).sort()).toEqual(Object.keys(LAESNINGER).sort());
  });

  const principals = fc.oneof(
    { weight: 4, arbitrary: fc.constant<Principal>('admin') },
    { weight: 3, arbitrary: fc.constantFrom<Principal>(...ROLES, 'anonym', 'udloebet', 'alg-none') },
  );

  it.each(Object.keys(LAESNINGER))(
    `%s: ${RUNS} hostile reads`,
    async (route) => {
      const rute = ruter.find((candidate) => candidate.route === route)!;
      const sti = stier[route.split('/')[1]] ?? {};
      const som = principals.map((principal) => [principal, authorization(secret, principal)] as [string, Record<string, string>]);

      const statuser = new Statuser();

      await fc.assert(
        fc.asyncProperty(
          fc.array(fjendtligLaesning(rute, sti, som, head), { minLength: SAMTIDIGE, maxLength: SAMTIDIGE }),
          async (cases) => {
            const udfald = await sendOgKontroller(api, cases, { status: () => true });
            for (const { status } of udfald) statuser.add(status);
          },
        ),
        { numRuns: RUNS / SAMTIDIGE, seed: SEED },
      );

      // Some reads reach the data, some are refused.
      expect(statuser.statuses.some((status) => status.startsWith('2'))).toBe(true);
      expect(statuser.statuses.some((status) => status.startsWith('4'))).toBe(true);
      oversigt.push(`${route}: ${statuser}`);
    },
    60_000,
  );

  it(`${RAW_RUNS} malformed HTTP requests on a socket: a 4xx or a closed connection, never a 5xx`, async () => {
    const statuser = new Statuser();
    await fc.assert(
      fc.asyncProperty(raaForespoergsel, async ({ bytes, hvad }) => {
        const status = await raa(api, bytes);
        statuser.add(status);
        if (status !== null && status >= 500) throw new Error(`${hvad}: ${status}`);
        expect((await fetch(`${api.url}/health/live`)).status).toBe(200);
        expect(await headPosition(api)).toBe(head);
      }),
      { numRuns: RAW_RUNS, seed: SEED },
    );
    oversigt.push(`raw: ${statuser}`);
  }, 60_000);

  it('left Object.prototype untouched', () => {
    expect(objectPrototypeUroert()).toBe(true);
  });
});
