import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { bearer } from './support/auth';
import { eventsOf } from './support/store';
import { RunningApi, startApi } from './support/test-app';

describe('Reading sager: list filters, paging and bilag', () => {
  let api: RunningApi;
  let auth: { Authorization: string };
  let lastPosition = 0;

  async function opret(titel: string, journalnummer: string, sagsgang: string[]) {
    const response = await request(api.url)
      .post('/sager')
      .set(auth)
      .send({ titel, journalnummer, sagstype: 'beslutning', sagsgang, ansvarligEnhed: 'By' })
      .expect(201);
    lastPosition = response.body.position;
    return response.body.id as string;
  }

  beforeAll(async () => {
    api = await startApi();
    auth = bearer(api, 'sagsbehandler');
    await opret('Nye seniorboliger i Herstedøster', '02.00.00-A00-4-16', ['Økonomiudvalget', 'Byrådet']);
    await opret('Seniorboliger: borgerinddragelse', '02.00.00', ['Byrådet']);
    const indstillet = await opret('Iværksætteri og innovation', '00.01.10-A21-3-15', ['Byrådet']);
    lastPosition = (
      await request(api.url)
        .post(`/sager/${indstillet}/indstilling`)
        .set(auth)
        .send({ indstiller: 'Direktøren indstiller,', atPunkter: ['at sagen godkendes'] })
        .expect(200)
    ).body.position;
  });
  afterAll(async () => {
    await api.stop();
  });

  const list = (query: string) => request(api.url).get(`/sager?minPosition=${lastPosition}&${query}`).set(auth).expect(200);
  const titles = (body: { items: Array<{ titel: string }> }) => body.items.map((item) => item.titel).sort();

  it('searches titles case-insensitively, æøå included', async () => {
    expect(titles((await list('q=SENIORBOLIGER')).body)).toEqual(['Nye seniorboliger i Herstedøster', 'Seniorboliger: borgerinddragelse']);
    expect(titles((await list(`q=${encodeURIComponent('herstedØster')}`)).body)).toEqual(['Nye seniorboliger i Herstedøster']);
  });

  it('filters by status', async () => {
    expect(titles((await list('status=indstillet')).body)).toEqual(['Iværksætteri og innovation']);
  });

  it('filters by the udvalg the sag is heading for', async () => {
    expect(titles((await list(`udvalg=${encodeURIComponent('Økonomiudvalget')}`)).body)).toEqual(['Nye seniorboliger i Herstedøster']);
  });

  it('filters by KLE emne or by full journalnummer', async () => {
    expect((await list('kle=02.00.00')).body.total).toBe(2);
    expect(titles((await list('kle=02.00.00-A00-4-16')).body)).toEqual(['Nye seniorboliger i Herstedøster']);
  });

  it('pages with limit and offset and reports the total', async () => {
    const first = (await list('limit=2&offset=0')).body;
    const second = (await list('limit=2&offset=2')).body;
    expect(first).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(1);
    expect(new Set([...first.items, ...second.items].map((item: { id: string }) => item.id)).size).toBe(3);
  });

  it.each(['status=ukendt', 'limit=0', 'limit=101', 'offset=-1', 'minPosition=x'])('refuses the query %s with a 400', async (query) => {
    const response = await request(api.url).get(`/sager?${query}`).set(auth);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('stores a bilag by its hash, outside the event, and serves it back byte for byte', async () => {
    const id = await opret('Sag med bilag', '00.01.00', ['Byrådet']);
    const content = Buffer.from('%PDF-1.4 Handleplan 2016-17 æøå', 'utf8');
    const attached = await request(api.url)
      .post(`/sager/${id}/bilag`)
      .set(auth)
      .send({
        titel: 'Handleplan 2016-17',
        filnavn: 'handleplan æøå.pdf',
        medietype: 'application/pdf',
        indhold: content.toString('base64'),
      })
      .expect(200);

    const [, event] = await eventsOf(api, `sag-${id}`);
    expect(event.type).toBe('BilagVedhaeftet');
    expect(event.data).toMatchObject({ sha256: createHash('sha256').update(content).digest('hex'), stoerrelse: content.length });
    expect(JSON.stringify(event.data)).not.toContain(content.toString('base64'));

    const sag = await request(api.url).get(`/sager/${id}?minPosition=${attached.body.position}`).set(auth).expect(200);
    const download = await request(api.url)
      .get(`/sager/${id}/bilag/${sag.body.bilag[0].bilagId}`)
      .set(auth)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.body).toEqual(content);
  });

  it('stores no file for a bilag the role may not attach', async () => {
    const id = await opret('Sag uden revisors bilag', '00.01.00', ['Byrådet']);
    const content = Buffer.from('revisoren må ikke vedhæfte', 'utf8');
    const sha256 = createHash('sha256').update(content).digest('hex');

    await request(api.url)
      .post(`/sager/${id}/bilag`)
      .set(bearer(api, 'revisor'))
      .send({ titel: 'Notat', filnavn: 'notat.txt', medietype: 'text/plain', indhold: content.toString('base64') })
      .expect(403);

    expect(existsSync(join(api.dataDir, 'bilag', sha256.slice(0, 2), sha256))).toBe(false);
  });
});
