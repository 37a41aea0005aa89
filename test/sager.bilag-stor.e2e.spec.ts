import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import request from 'supertest';
import { ChildApi } from './support/child-api';
import { sagsgang } from './support/cli';
import { forberedSag } from './support/moeder';

const STOERRELSE = 50 * 1024 * 1024;
const RSS_LOFT = 64 * 1024 * 1024;
const DEL = 1024 * 1024;

/** 50 MiB that start like a PDF, made a MiB at a time from a counter: the same every run, never all in memory. */
function* storPdf(): Generator<Buffer> {
  for (let i = 0; i < STOERRELSE / DEL; i++) {
    const del = Buffer.alloc(DEL);
    for (let j = 0; j < DEL; j += 32) createHash('sha256').update(`${i}:${j}`).digest().copy(del, j);
    if (i === 0) del.write('%PDF-1.7\n');
    yield del;
  }
}
const FORVENTET = (() => {
  const hash = createHash('sha256');
  for (const del of storPdf()) hash.update(del);
  return hash.digest('hex');
})();

/** The process's peak resident memory since it was last reset (VmHWM), in bytes. */
const spidsRss = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;
/** Since Linux 4.0, writing 5 to clear_refs resets VmHWM to the current RSS. */
const nulstilSpids = (pid: number) => writeFileSync(`/proc/${pid}/clear_refs`, '5');

async function hentSha256(api: ChildApi, sagId: string): Promise<string> {
  const sag = await request(api.url).get(`/sager/${sagId}`).set(api.token('revisor')).expect(200);
  const response = await fetch(`${api.url}/sager/${sagId}/bilag/${sag.body.bilag.at(-1).bilagId}`, { headers: api.token('revisor') });
  expect(response.status).toBe(200);
  const hash = createHash('sha256');
  for await (const del of response.body as unknown as AsyncIterable<Uint8Array>) hash.update(del);
  return hash.digest('hex');
}

describe('A 50 MiB bilag through a separate API process', () => {
  const kilde = mkdtempSync(join(tmpdir(), 'sagsgang-stor-'));
  const maal = mkdtempSync(join(tmpdir(), 'sagsgang-stor-import-'));
  const eksport = join(tmpdir(), `sagsgang-stor-${process.pid}.jsonl`);
  let api: ChildApi;
  let sagId: string;
  let vaekst: number;

  beforeAll(async () => {
    api = await ChildApi.start(kilde, { SAGSGANG_DURABILITY: 'relaxed' });
    sagId = (await forberedSag(api, { titel: 'Lokalplan 1.234', sagstype: 'beslutning', sagsgang: ['Byrådet'], bilag: ['Lille bilag'] }))
      .id;
    // Once warm (the upload and download paths loaded), the peak is reset, so the upload's own growth is what is measured.
    await hentSha256(api, sagId);
    nulstilSpids(api.pid);
    const foer = spidsRss(api.pid);
    const response = await fetch(`${api.url}/sager/${sagId}/bilag/fil?titel=Lokalplan&filnavn=lokalplan.pdf`, {
      method: 'POST',
      headers: { ...api.token('sagsbehandler'), 'content-type': 'application/pdf', 'content-length': String(STOERRELSE) },
      body: Readable.toWeb(Readable.from(storPdf())) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(200);
    vaekst = spidsRss(api.pid) - foer;
  }, 120_000);
  afterAll(async () => {
    await api?.stop('SIGTERM');
    for (const folder of [kilde, maal]) rmSync(folder, { recursive: true, force: true });
    rmSync(eksport, { force: true });
  });

  it('uploads with the API process growing by less than 64 MiB at its peak', () => {
    expect(vaekst).toBeGreaterThan(0);
    expect(vaekst).toBeLessThan(RSS_LOFT);
  });

  it('downloads byte for byte', async () => {
    expect(await hentSha256(api, sagId)).toBe(FORVENTET);
  });

  it('survives export, import into an empty store and another API on it, byte for byte', async () => {
    await api.stop('SIGTERM');
    const exported = await sagsgang(kilde, 'export', '--out', eksport);
    expect(exported.stderr).toMatch(/^exported \d+ events and 2 files/);
    const imported = await sagsgang(maal, 'import', '--in', eksport);
    expect(imported.stdout).toMatch(/^imported \d+ events in \d+ streams and 2 files/);

    api = await ChildApi.start(maal, { SAGSGANG_DURABILITY: 'relaxed' });

    expect(await hentSha256(api, sagId)).toBe(FORVENTET);
  }, 120_000);
});
