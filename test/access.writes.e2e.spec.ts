import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { loadOrCreateJwtSecret } from '@sagsgang/auth';
import { Role, ROLES } from '@sagsgang/kernel';
import { forventet, Skrivning, SKRIVNINGER } from './support/adgang';
import { klient, Klient } from './support/moeder';
import { headPosition, storeOf } from './support/store';
import { authorization, Principal, PRINCIPALS } from './support/tokens';
import { RunningApi, startApi } from './support/test-app';

/** Files under a folder, recursively (0 when it does not exist yet). */
function filer(folder: string): number {
  try {
    return readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
  } catch {
    return 0;
  }
}

describe('Access: every write route × every principal', () => {
  let api: RunningApi;
  let klienten: Klient;
  let secret: string;

  beforeAll(async () => {
    api = await startApi();
    klienten = klient(api);
    secret = loadOrCreateJwtSecret(api.dataDir);
  });
  afterAll(async () => {
    await api.stop();
  });

  /** Waits for the process manager and read models, so only the request under test can append. */
  async function rolig(): Promise<number> {
    await request(api.url)
      .get(`/moeder?minPosition=${await headPosition(api)}`)
      .set(klienten.token('revisor'))
      .expect(200);
    return headPosition(api);
  }

  describe.each(Object.entries(SKRIVNINGER))('%s', (route, adgang: Skrivning) => {
    const method = route.split(' ')[0] === 'DELETE' ? 'delete' : 'post';
    // The refused first, against a target the allowed role then changes: each refusal is the principal's alone.
    const tilladte = ROLES.filter((role) => adgang.roles.includes(role));
    const raekkefoelge: Principal[] = [...PRINCIPALS.filter((principal) => !tilladte.includes(principal as Role)), ...tilladte];
    const maal: { url: string; body: object }[] = [];

    beforeAll(async () => {
      // One target per allowed role: a command that succeeds moves its target on.
      for (const _role of tilladte) maal.push(await adgang.maal(klienten));
    });

    it.each(raekkefoelge.map((principal) => [principal, forventet(adgang, principal)] as const))('as %s: %i', async (principal, status) => {
      const { url, body } = maal[Math.max(0, tilladte.indexOf(principal as Role))];
      const foer = await rolig();
      const bilagFoer = filer(join(api.dataDir, 'bilag'));

      const send = request(api.url)[method](url).set(authorization(secret, principal));
      const response = await (Buffer.isBuffer(body) ? send.set('content-type', 'application/pdf') : send).send(body);

      expect(response.status).toBe(status);
      const nye = await storeOf(api).readAll({ fromPosition: foer + 1 });
      if (status >= 300) {
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(nye).toEqual([]);
        // Nor anything else written: a refused bilag leaves no file behind.
        expect(filer(join(api.dataDir, 'bilag'))).toBe(bilagFoer);
      } else {
        expect(nye.length).toBeGreaterThan(0);
        expect(new Set(nye.map((event) => (event.metadata.actor as { role: string }).role))).toEqual(new Set([principal]));
      }
    });
  });
});
