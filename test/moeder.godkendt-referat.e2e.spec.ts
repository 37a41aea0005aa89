import { createHash } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { RecordedEvent } from '@sagsgang/event-store';
import { forberedSag, Klient, klient, Sekretaer } from './support/moeder';
import { eventsOf } from './support/store';
import { RunningApi, startApi } from './support/test-app';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('GET /moeder/:id/referat/godkendt: the approved referat, byte for byte', () => {
  let api: RunningApi;
  let klienten: Klient;
  let sekretaer: Sekretaer;
  let moedeId: string;
  let godkendt: RecordedEvent;

  /** fetch, not supertest: the bytes as they came, undecoded. */
  async function hent(token = true) {
    const response = await fetch(`${api.url}/moeder/${moedeId}/referat/godkendt`, { headers: token ? klienten.token('revisor') : {} });
    const bytes = Buffer.from(await response.arrayBuffer());
    return {
      status: response.status,
      headers: response.headers,
      bytes,
      body: response.status === 200 ? null : JSON.parse(bytes.toString()),
    };
  }

  beforeAll(async () => {
    api = await startApi();
    klienten = klient(api);
    sekretaer = new Sekretaer(klienten);
    const sag = await forberedSag(klienten, { titel: 'Vinterberedskab', sagstype: 'orientering', sagsgang: ['Direktionen'] });
    moedeId = await sekretaer.indkald({
      udvalg: 'Direktionen',
      start: '2019-12-16T09:00:00+01:00',
      medlemmer: [{ navn: 'Anne' }, { navn: 'Bent' }],
    });
    await sekretaer.tilfoej(moedeId, sag.id);
    await sekretaer.aabn(moedeId);
    await sekretaer.beslut(moedeId, 1, 'taget_til_efterretning', 'Orienteringen blev taget til efterretning.');
    await sekretaer.post(`/moeder/${moedeId}/haev`);
  });
  afterAll(async () => {
    await api.stop();
  });

  it('is a 404 until every member present has approved', async () => {
    expect((await hent()).status).toBe(404);
    await sekretaer.post(`/moeder/${moedeId}/referat/godkend`, { medlem: 'Anne' });
    const response = await hent();
    expect(response.status).toBe(404);
    expect(response.body.detail).toBe(`møde ${moedeId} har intet godkendt referat`);
  });

  describe('once approved', () => {
    beforeAll(async () => {
      await sekretaer.post(`/moeder/${moedeId}/referat/godkend`, { medlem: 'Bent' });
      godkendt = (await eventsOf(api, `moede-${moedeId}`)).find((event) => event.type === 'ReferatGodkendt')!;
    });

    it('answers the bytes whose sha256 is the one ReferatGodkendt recorded, in its ETag and Repr-Digest too', async () => {
      const response = await hent();
      const recorded = godkendt.data.referatSha256 as string;

      expect(sha256(response.bytes)).toBe(recorded);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(response.headers.get('etag')).toBe(`"${recorded}"`);
      expect(response.headers.get('repr-digest')).toBe(`sha-256=:${Buffer.from(recorded, 'hex').toString('base64')}:`);
    });

    it('is the referat as it stood after the last signature and before the approval: without the Godkendelse section', async () => {
      const [approved, before, asOfApproval] = await Promise.all([
        hent(),
        request(api.url)
          .get(`/moeder/${moedeId}/referat`)
          .query({ revision: godkendt.revision - 1 })
          .set(klienten.token('revisor'))
          .expect(200),
        request(api.url)
          .get(`/moeder/${moedeId}/referat`)
          .query({ asOf: godkendt.metadata.recordedAt as string })
          .set(klienten.token('revisor'))
          .expect(200),
      ]);

      expect(approved.bytes.toString('utf8')).toBe(before.text);
      expect(before.text).not.toContain('Godkendelse');
      // The approval and the last signature share their time: as of it, the referat is approved and says so.
      expect(asOfApproval.text).toContain(`SHA-256 af det godkendte referat: ${godkendt.data.referatSha256 as string}`);
    });

    it('is stored at the approval under its sha256 in the bilag folder', () => {
      const recorded = godkendt.data.referatSha256 as string;
      expect(existsSync(join(api.dataDir, 'bilag', recorded.slice(0, 2), recorded))).toBe(true);
    });

    it('needs a token: the approved text shows lukkede punkter in full', async () => {
      expect((await hent(false)).status).toBe(401);
    });

    it('still answers for an approval whose bytes were never stored, from a rendering that hashes the same', async () => {
      const recorded = godkendt.data.referatSha256 as string;
      rmSync(join(api.dataDir, 'bilag', recorded.slice(0, 2), recorded));

      const response = await hent();

      expect(sha256(response.bytes)).toBe(recorded);
    });
  });
});
