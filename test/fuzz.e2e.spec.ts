import fc from 'fast-check';
import request from 'supertest';
import { loadOrCreateJwtSecret } from '@sagsgang/auth';
import { operationer, SKRIVNINGER } from './support/adgang';
import { fjendtligSkrivning, Skabelon } from './support/fjendtlig';
import { bilagFolder, filerI, objectPrototypeUroert, sendOgKontroller, Statuser } from './support/fuzz-kontrol';
import { klient, Klient } from './support/moeder';
import { headPosition } from './support/store';
import { authorization } from './support/tokens';
import { RunningApi, startApi } from './support/test-app';

/** Cases per write route (the acceptance asks for at least 1,000), sent a few at a time to save the turns of the event loop. */
const RUNS = 1000;
const SAMTIDIGE = 4;
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

/**
 * A route whose body is a file: any bytes are a file (a JSON body too, as application/json), so
 * hostile JSON says nothing about it. Its refusals (type, size, query, headers, a broken-off upload)
 * are tested in sager.bilag-fil.e2e.spec.ts.
 */
const FILRUTER = new Set(['POST /sager/{id}/bilag/fil']);

type OpenApi = {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { $ref: string } }> } }>>;
  components: { schemas: Record<string, { properties?: Record<string, { type?: string }>; required?: string[] }> };
};

describe('Hostile input on every write route: refused, no 5xx, nothing appended, the API still up', () => {
  let api: RunningApi;
  let klienten: Klient;
  let secret: string;
  let document: OpenApi;
  const skabeloner = new Map<string, Skabelon>();
  const oversigt: string[] = [];
  /** The files the fixtures stored (an approved referat's text); the hostile requests may add none. */
  let filerFoer: number;
  const skrivninger = () => operationer(document).filter((operation) => !operation.startsWith('GET ') && !FILRUTER.has(operation));

  beforeAll(async () => {
    api = await startApi();
    klienten = klient(api);
    secret = loadOrCreateJwtSecret(api.dataDir);
    document = (await request(api.url).get('/docs/openapi.json').expect(200)).body;
    for (const route of skrivninger()) {
      const adgang = SKRIVNINGER[route];
      if (!adgang) continue;
      const [method, path] = route.split(' ');
      const ref = document.paths[path][method.toLowerCase()].requestBody?.content['application/json']?.schema.$ref;
      const schema = ref ? document.components.schemas[ref.split('/').pop()!] : {};
      // A target in a state where the valid request would succeed: the refusals are the input's alone.
      const { url, body } = await adgang.maal(klienten);
      skabeloner.set(route, {
        route,
        method: method as 'POST' | 'DELETE',
        url,
        body: body as Record<string, unknown>,
        properties: schema.properties ?? {},
        required: schema.required ?? [],
      });
    }
    // Let the process manager follow the fixtures, so from here on nothing may append.
    await request(api.url)
      .get(`/moeder?minPosition=${await headPosition(api)}`)
      .set(klienten.token('revisor'))
      .expect(200);
    filerFoer = filerI(bilagFolder(api));
  }, 60_000);
  afterAll(async () => {
    await api.stop();
    if (process.env.FUZZ_STATS) console.log(oversigt.join('\n'));
  });

  it('fuzzes every POST, PUT, PATCH and DELETE of the OpenAPI document', () => {
    expect(skrivninger().length).toBeGreaterThan(0);
    expect([...skabeloner.keys()].sort()).toEqual(skrivninger().sort());
  });

  it.each(Object.keys(SKRIVNINGER).filter((route) => !FILRUTER.has(route)))(
    `%s: ${RUNS} hostile requests`,
    async (route) => {
      const skabelon = skabeloner.get(route)!;
      const auth = authorization(secret, SKRIVNINGER[route].roles[0]);
      const statuser = new Statuser();

      await fc.assert(
        fc.asyncProperty(fc.array(fjendtligSkrivning(skabelon, auth), { minLength: SAMTIDIGE, maxLength: SAMTIDIGE }), async (cases) => {
          const udfald = await sendOgKontroller(api, cases, { status: (status) => status >= 400 && status < 500 });
          for (const { status } of udfald) statuser.add(status);
        }),
        { numRuns: RUNS / SAMTIDIGE, seed: SEED },
      );

      expect(statuser.total).toBeGreaterThanOrEqual(RUNS);
      // Refused for many reasons (validation, token, stale revision, media type, unknown target), not one.
      expect(statuser.statuses).toEqual(expect.arrayContaining(['400', '401', '412', '415', ...(route.includes('{') ? ['404'] : [])]));
      oversigt.push(`${route}: ${statuser}`);
    },
    120_000,
  );

  it('left Object.prototype untouched and no bilag file behind', () => {
    expect(objectPrototypeUroert()).toBe(true);
    expect(filerI(bilagFolder(api))).toBe(filerFoer);
  });
});
