import { createHash } from 'node:crypto';
import request from 'supertest';
import { RecordedEvent } from '@sagsgang/event-store';
import { evolve, initialState, MoedeEvent } from '@sagsgang/moede';
import { forberedSag, Klient, klient, sagEfter, Sekretaer } from './support/moeder';
import { eventsOf } from './support/store';
import { RunningApi, startApi } from './support/test-app';

const MEDLEMMER = [{ navn: 'Anne' }, { navn: 'Bent' }];
const OEU = { udvalg: 'Økonomiudvalget', start: '2020-03-02T17:00:00+01:00', medlemmer: MEDLEMMER };
const TITLER = ['Budgetopfølgning 3. kvartal', 'Salg af Lindegården', 'Supplerende: Vinterberedskab'];

const recordedAt = (event: RecordedEvent) => event.metadata.recordedAt as string;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The referat text the members approved: the internal text without its Godkendelse section. */
function udenGodkendelse(referat: string): string {
  const godkendelse = referat.lastIndexOf('\n\nGodkendelse\n\n');
  if (godkendelse < 0) throw new Error('the referat has no Godkendelse section');
  return `${referat.slice(0, godkendelse)}\n`;
}

describe('The meeting, its dagsorden and its referat as of a moment', () => {
  let api: RunningApi;
  let klienten: Klient;
  let sekretaer: Sekretaer;
  let moedeId: string;
  let events: RecordedEvent[];
  const event = (type: string) => events.find((candidate) => candidate.type === type)!;

  const dokument = (art: 'dagsorden' | 'referat', query: Record<string, string | number> = {}, token = true) => {
    const get = request(api.url).get(`/moeder/${moedeId}/${art}`).query(query);
    return token ? get.set(klienten.token('revisor')) : get;
  };

  beforeAll(async () => {
    api = await startApi();
    klienten = klient(api);
    sekretaer = new Sekretaer(klienten);
    const sager = [];
    for (const titel of TITLER) sager.push(await forberedSag(klienten, { titel, sagstype: 'orientering', sagsgang: ['Økonomiudvalget'] }));
    moedeId = await sekretaer.indkald(OEU);
    await sekretaer.tilfoej(moedeId, sager[0].id);
    await sekretaer.tilfoej(moedeId, sager[1].id);
    await sekretaer.post(`/moeder/${moedeId}/udsend`);
    await sekretaer.tilfoej(moedeId, sager[2].id);
    await sekretaer.post(`/moeder/${moedeId}/aabn`);
    for (const nr of [1, 2, 3]) await sekretaer.beslut(moedeId, nr, 'taget_til_efterretning');
    await sekretaer.afslut(moedeId, ['Anne', 'Bent']);
    events = await eventsOf(api, `moede-${moedeId}`);
  });
  afterAll(async () => {
    await api.stop();
  });

  it('the dagsorden asOf the moment it was sent does not show the punkt added afterwards; the current one does', async () => {
    const [dengang, nu] = await Promise.all([
      dokument('dagsorden', { asOf: recordedAt(event('DagsordenUdsendt')) }).expect(200),
      dokument('dagsorden').expect(200),
    ]);

    expect(dengang.text).toContain(`Punkt 1: ${TITLER[0]}`);
    expect(dengang.text).toContain(`Punkt 2: ${TITLER[1]}`);
    expect(dengang.text).not.toContain(TITLER[2]);
    expect(nu.text).toContain(`Punkt 3: ${TITLER[2]} (supplerende)`);
  });

  it('the dagsorden at the revision of its sending is the same text as asOf that moment', async () => {
    const udsendt = event('DagsordenUdsendt');
    const [vedRevision, vedTid] = await Promise.all([
      dokument('dagsorden', { revision: udsendt.revision }).expect(200),
      dokument('dagsorden', { asOf: recordedAt(udsendt) }).expect(200),
    ]);
    expect(vedRevision.text).toBe(vedTid.text);
  });

  it('the public sees the dagsorden as sent too, and nothing before it was sent', async () => {
    const udsendt = event('DagsordenUdsendt');
    const offentlig = await dokument('dagsorden', { asOf: recordedAt(udsendt) }, false).expect(200);
    expect(offentlig.text).not.toContain(TITLER[2]);
    const foer = await dokument('dagsorden', { revision: udsendt.revision - 1 }, false).expect(404);
    expect(foer.body.detail).toBe(`møde ${moedeId} har ingen dagsorden, der kan vises`);
  });

  it('GET /moeder/:id asOf the sending is the meeting folded by hand up to it, ETag its revision', async () => {
    const udsendt = event('DagsordenUdsendt');
    const prefix = events.slice(0, udsendt.revision + 1);
    const state = prefix.reduce((moede, e) => evolve(moede, { type: e.type, data: e.data } as unknown as MoedeEvent), initialState);

    const response = await request(api.url)
      .get(`/moeder/${moedeId}`)
      .query({ asOf: recordedAt(udsendt) })
      .set(klienten.token('revisor'))
      .expect(200);

    expect(response.body).toEqual(JSON.parse(JSON.stringify({ ...state, revision: udsendt.revision, position: udsendt.position })));
    expect(response.body).toMatchObject({ status: 'dagsorden_udsendt', punkter: [{ nr: 1 }, { nr: 2 }] });
    expect(response.headers.etag).toBe(`"${udsendt.revision}"`);
  });

  it('the referat asOf the approval is the approved text: its sha256 is the one recorded in ReferatGodkendt', async () => {
    const godkendt = event('ReferatGodkendt');
    const referat = (await dokument('referat', { asOf: recordedAt(godkendt) }).expect(200)).text;

    expect(sha256(udenGodkendelse(referat))).toBe(godkendt.data.referatSha256);
    expect(referat).toContain(`SHA-256 af det godkendte referat: ${godkendt.data.referatSha256 as string}`);
  });

  it('the referat does not exist as of a moment before the meeting opened', async () => {
    await dokument('referat', { asOf: recordedAt(event('DagsordenUdsendt')) }).expect(404);
  });

  it('before the meeting existed, or beyond its last revision, is a 404 naming the moment', async () => {
    const foer = new Date(Date.parse(recordedAt(events[0])) - 1).toISOString();
    expect((await dokument('dagsorden', { asOf: foer }).expect(404)).body.detail).toContain(`møde ${moedeId} fandtes ikke ${foer}`);
    expect(
      (await request(api.url).get(`/moeder/${moedeId}?asOf=${foer}`).set(klienten.token('revisor')).expect(404)).body.detail,
    ).toContain('fandtes ikke');
    expect((await dokument('referat', { revision: events.length }).expect(404)).body.detail).toContain(
      `har ingen revision ${events.length}`,
    );
  });

  it('asOf and revision together is a 400, for the documents too', async () => {
    await dokument('dagsorden', { asOf: recordedAt(events[0]), revision: 0 }).expect(400);
    await dokument('referat', { asOf: 'i morgen' }).expect(400);
  });

  it("reads each punkt's sag as of the moment: a cancelled meeting's dagsorden as sent keeps the indstilling then", async () => {
    const sag = await forberedSag(klienten, {
      titel: 'Ny skolestruktur',
      sagstype: 'beslutning',
      sagsgang: ['Økonomiudvalget'],
      indstilling: { indstiller: 'Direktøren indstiller,', atPunkter: ['at strukturen vedtages'] },
    });
    const aflyst = await sekretaer.indkald({ ...OEU, start: '2020-03-09T17:00:00+01:00' });
    await sekretaer.tilfoej(aflyst, sag.id);
    const { position: udsendtPosition } = await sekretaer.post(`/moeder/${aflyst}/udsend`);
    const { position } = await sekretaer.post(`/moeder/${aflyst}/aflys`, { begrundelse: 'Ikke beslutningsdygtigt' });
    await sagEfter(klienten, sag.id, position as number);
    await request(api.url)
      .post(`/sager/${sag.id}/indstilling`)
      .set(klienten.token('sagsbehandler'))
      .send({ indstiller: 'Direktøren indstiller,', atPunkter: ['at strukturen udskydes'] })
      .expect(200);
    const udsendt = (await eventsOf(api, `moede-${aflyst}`)).find((candidate) => candidate.position === udsendtPosition)!;

    const get = (query: Record<string, string | number>) =>
      request(api.url).get(`/moeder/${aflyst}/dagsorden`).query(query).set(klienten.token('revisor')).expect(200);
    const [dengang, vedRevision, nu] = await Promise.all([
      get({ asOf: recordedAt(udsendt) }),
      get({ revision: udsendt.revision }),
      get({}),
    ]);

    expect(dengang.text).toContain('at strukturen vedtages');
    expect(dengang.text).not.toContain('at strukturen udskydes');
    expect(vedRevision.text).toBe(dengang.text);
    expect(nu.text).toContain('at strukturen udskydes');
  });
});
