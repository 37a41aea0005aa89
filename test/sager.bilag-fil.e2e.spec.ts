import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import request from 'supertest';
import { forberedSag, Klient, klient } from './support/moeder';
import { eventsOf } from './support/store';
import { RunningApi, startApi } from './support/test-app';

const GRAENSE = 64 * 1024;
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(20_000, 'x')]);
/** The first bytes of a .docx: a zip whose first entry is [Content_Types].xml. */
const DOCX = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]),
  Buffer.from('[Content_Types].xml'),
  Buffer.alloc(500),
]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('POST /sager/:id/bilag/fil: a bilag sent as the file itself', () => {
  let api: RunningApi;
  let klienten: Klient;
  let sagId: string;

  /** Every file under the bilag folder, uploads in progress included. */
  const filer = () => {
    const rod = join(api.dataDir, 'bilag');
    if (!existsSync(rod)) return [];
    return readdirSync(rod, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);
  };
  const upload = (
    body: Buffer | Readable,
    medietype: string | null,
    query: Record<string, string> = {},
    headers: Record<string, string> = {},
  ) =>
    fetch(`${api.url}/sager/${sagId}/bilag/fil?${new URLSearchParams({ titel: 'Handleplan', filnavn: 'handleplan.pdf', ...query })}`, {
      method: 'POST',
      headers: { ...klienten.token('sagsbehandler'), ...(medietype ? { 'content-type': medietype } : {}), ...headers },
      body: body instanceof Readable ? (Readable.toWeb(body) as ReadableStream) : body,
      duplex: 'half',
    } as RequestInit);
  const bilagEvents = async () => (await eventsOf(api, `sag-${sagId}`)).filter((event) => event.type === 'BilagVedhaeftet');

  beforeAll(async () => {
    api = await startApi({ SAGSGANG_BILAG_MAX_BYTES: String(GRAENSE) });
    klienten = klient(api);
    sagId = (await forberedSag(klienten, { titel: 'Erhvervsstrategi', sagstype: 'beslutning', sagsgang: ['Byrådet'] })).id;
  });
  afterAll(async () => {
    await api.stop();
  });

  it('stores the file by its sha256 and size, and serves it back byte for byte with its media type', async () => {
    const response = await upload(PDF, 'application/pdf');
    expect(response.status).toBe(200);
    const [event] = await bilagEvents();
    expect(event.data).toMatchObject({
      titel: 'Handleplan',
      filnavn: 'handleplan.pdf',
      medietype: 'application/pdf',
      stoerrelse: PDF.length,
      sha256: sha256(PDF),
    });

    const sag = await request(api.url)
      .get(`/sager/${sagId}?minPosition=${((await response.json()) as { position: number }).position}`)
      .set(klienten.token('revisor'));
    const download = await fetch(`${api.url}/sager/${sagId}/bilag/${sag.body.bilag[0].bilagId}`, { headers: klienten.token('revisor') });
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-length')).toBe(String(PDF.length));
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('takes a file sent in chunks without a Content-Length', async () => {
    const response = await upload(Readable.from([PDF.subarray(0, 1000), PDF.subarray(1000)]), 'application/pdf', { titel: 'I bidder' });
    expect(response.status).toBe(200);
    expect((await bilagEvents()).at(-1)!.data).toMatchObject({ titel: 'I bidder', sha256: sha256(PDF) });
  });

  it('takes text as text/plain, JSON included, which no body parser reads first', async () => {
    const json = Buffer.from('{"navn": "Ærø"}');
    const response = await upload(json, 'application/json', { filnavn: 'data.json' });
    expect(response.status).toBe(200);
    expect((await bilagEvents()).at(-1)!.data).toMatchObject({ medietype: 'application/json', sha256: sha256(json) });
    expect((await upload(Buffer.from('Navn;Adresse\nAnne;Ærøvej 1\n'), 'text/csv; charset=utf-8')).status).toBe(200);
  });

  describe('refuses, leaving no file behind and appending nothing', () => {
    let foer: { filer: string[]; events: number };
    beforeEach(async () => {
      foer = { filer: filer(), events: (await bilagEvents()).length };
    });
    afterEach(async () => {
      expect(filer()).toEqual(foer.filer);
      expect((await bilagEvents()).length).toBe(foer.events);
    });

    it('a .docx declared as application/pdf, with 415 saying what it looks like', async () => {
      const response = await upload(DOCX, 'application/pdf');
      expect(response.status).toBe(415);
      const body = (await response.json()) as { title: string; detail: string };
      expect(body.title).toBe('Filtypen passer ikke');
      expect(body.detail).toContain('angivet som application/pdf, men indholdet ligner');
      expect(body.detail).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    });

    it('a PDF declared as text, and binary bytes declared as text', async () => {
      expect((await upload(PDF, 'text/plain')).status).toBe(415);
      expect((await upload(Buffer.from([0x41, 0, 0x42]), 'text/plain')).status).toBe(415);
    });

    it('the same through the JSON route', async () => {
      const body = { titel: 'Plan', filnavn: 'plan.pdf', medietype: 'application/pdf', indhold: DOCX.toString('base64') };
      await request(api.url).post(`/sager/${sagId}/bilag`).set(klienten.token('sagsbehandler')).send(body).expect(415);
    });

    it('a Content-Length over the limit, before reading it, with 413 stating the limit', async () => {
      const response = await upload(Buffer.alloc(GRAENSE + 1, 'x'), 'application/pdf');
      expect(response.status).toBe(413);
      const body = (await response.json()) as { title: string; detail: string };
      expect(body.title).toBe('Bilaget er for stort');
      expect(body.detail).toBe(`et bilag må højst være ${GRAENSE} bytes (0 MiB; SAGSGANG_BILAG_MAX_BYTES)`);
    });

    it('a chunked file that grows past the limit', async () => {
      const chunks = [PDF, PDF, PDF, PDF];
      const response = await upload(Readable.from(chunks), 'application/pdf');
      expect(response.status).toBe(413);
    });

    it('an empty file, a file without Content-Type, and one without titel', async () => {
      expect((await upload(Buffer.alloc(0), 'application/pdf')).status).toBe(415);
      expect((await upload(PDF, null)).status).toBe(400);
      const utenTitel = await fetch(`${api.url}/sager/${sagId}/bilag/fil?filnavn=a.pdf`, {
        method: 'POST',
        headers: { ...klienten.token('sagsbehandler'), 'content-type': 'application/pdf' },
        body: PDF,
      });
      expect(utenTitel.status).toBe(400);
    });

    it('a file for a sag that does not exist (the command decided after the upload)', async () => {
      const response = await fetch(`${api.url}/sager/4f1c1f0e-0000-4000-8000-000000000000/bilag/fil?titel=A&filnavn=a.pdf`, {
        method: 'POST',
        headers: { ...klienten.token('sagsbehandler'), 'content-type': 'application/pdf' },
        body: PDF,
      });
      expect(response.status).toBe(404);
    });

    it('a role that may not attach bilag', async () => {
      const response = await upload(PDF, 'application/pdf', {}, klienten.token('sekretaer'));
      expect(response.status).toBe(403);
    });

    it('an upload the client breaks off halfway', async () => {
      await new Promise<void>((resolve) => {
        const url = new URL(`${api.url}/sager/${sagId}/bilag/fil?titel=Afbrudt&filnavn=a.pdf`);
        const req = httpRequest(url, {
          method: 'POST',
          headers: { ...klienten.token('sagsbehandler'), 'content-type': 'application/pdf', 'content-length': String(PDF.length * 2) },
        });
        req.on('error', () => resolve());
        req.write(PDF, () => setTimeout(() => req.destroy(), 100));
      });
      // The server notices the broken connection a moment later.
      for (let i = 0; i < 50 && filer().length !== foer.filer.length; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    });
  });

  it('appends once for a retried upload with the same Idempotency-Key, and keeps one file', async () => {
    const foer = (await bilagEvents()).length;
    const first = await upload(PDF, 'application/pdf', { titel: 'Gentaget' }, { 'idempotency-key': 'bilag-gentaget' });
    const again = await upload(PDF, 'application/pdf', { titel: 'Gentaget' }, { 'idempotency-key': 'bilag-gentaget' });
    expect(await again.json()).toEqual(await first.json());
    expect((await bilagEvents()).length).toBe(foer + 1);
    expect(filer().filter((name) => name.endsWith('.part'))).toEqual([]);
  });
});
