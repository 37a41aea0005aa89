import request from 'supertest';
import { iReferatet, SEED_000_MOEDE, SEED_001_MOEDE, SeedMoede, seedPunktTilApi } from './fixtures/seed-moeder';
import {
  forberedSag,
  Klient,
  klient,
  manglerIRaekkefoelge,
  SEED_000_TILSTEDE,
  seedMoedeSpec,
  seedSag,
  Sekretaer,
  somFormat,
} from './support/moeder';
import { describeMedPdftotext, foersteLinje, helePdfTekst, indholdssider, pdfInfo, pdfTekst } from './support/pdf';
import { RunningApi, startApi } from './support/test-app';

const KOMMUNE = 'Sagsgang Kommune';

const enkelt = (tekst: string) => tekst.replace(/\s+/g, ' ').trim();

/** Where each udfald leaves the sag: decided, on to the next udvalg, or back to await the same one. */
function forventetSag(punkt: SeedMoede['punkter'][number]) {
  const { udfald, sagsgang } = punkt.engine;
  if (udfald === 'anbefalet') return { status: 'indstillet', afventerUdvalg: sagsgang[1] };
  if (udfald === 'udsat') return { status: 'indstillet', afventerUdvalg: sagsgang[0] };
  return { status: 'afgjort' };
}

describe.each([
  ['seed 000', SEED_000_MOEDE],
  ['seed 001', SEED_001_MOEDE],
])('%s rebuilt through the API from an empty store to a published referat', (_name, seed) => {
  let api: RunningApi;
  let klienten: Klient;
  let moedeId: string;
  const sager: { id: string; position: number }[] = [];
  let sidstePosition = 0;

  beforeAll(async () => {
    api = await startApi({ SAGSGANG_KOMMUNE: KOMMUNE });
    klienten = klient(api);
    const sekretaer = new Sekretaer(klienten);
    for (const punkt of seed.punkter) sager.push(await forberedSag(klienten, seedSag(punkt)));
    const spec = seedMoedeSpec(seed);
    moedeId = await sekretaer.indkald(spec);
    for (const [index, punkt] of seed.punkter.entries()) {
      if ((await sekretaer.tilfoej(moedeId, sager[index].id)) !== punkt.nr) throw new Error(`punkt ${punkt.nr} got another number`);
    }
    await sekretaer.aabn(moedeId);
    for (const { navn, art } of seed.fravaerende) await sekretaer.post(`/moeder/${moedeId}/fravaer`, { medlem: navn, art });
    for (const punkt of seed.punkter) {
      const { udfald, beslutningstekst } = seedPunktTilApi(punkt).beslutning;
      sidstePosition = await sekretaer.beslut(moedeId, punkt.nr, udfald, beslutningstekst);
    }
    const fravaerende = new Set(seed.fravaerende.map(({ navn }) => navn));
    await sekretaer.afslut(
      moedeId,
      spec.medlemmer.map(({ navn }) => navn).filter((navn) => !fravaerende.has(navn)),
    );
  });
  afterAll(async () => {
    await api.stop();
  });

  const referat = async (accept: string) => {
    const response = await request(api.url)
      .get(`/moeder/${moedeId}/referat`)
      .set(klienten.token('revisor'))
      .set('Accept', accept)
      .expect(200);
    expect(response.headers['content-type']).toBe(`${accept}; charset=utf-8`);
    return response.text;
  };

  it.each(['text', 'markdown', 'html'] as const)(
    'renders the %s referat with every title, number, at-clause, beslutning, absence and bilag in the seed order',
    async (format) => {
      const { accept, piece, document } = somFormat[format];
      const text = document(await referat(accept));
      expect(manglerIRaekkefoelge(text, iReferatet(seed, { numre: false }).map(piece))).toBeNull();
    },
  );

  describeMedPdftotext('the referat as PDF', () => {
    let pdf: Buffer;
    let sidelinje: (linje: string) => boolean;
    const hentPdf = async (token: boolean) => {
      const response = await fetch(`${api.url}/moeder/${moedeId}/referat`, {
        headers: { accept: 'application/pdf', ...(token ? klienten.token('revisor') : {}) },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      return Buffer.from(await response.arrayBuffer());
    };
    beforeAll(async () => {
      pdf = await hentPdf(true);
      const { Title } = pdfInfo(pdf);
      sidelinje = (linje) => linje === KOMMUNE || linje === Title || /^Side \d+ af \d+$/.test(linje);
    });

    it('has every title, at-clause, beslutning, absence and bilag in the seed order', () => {
      expect(manglerIRaekkefoelge(helePdfTekst(pdf, sidelinje), iReferatet(seed, { numre: false }).map(enkelt))).toBeNull();
    });

    it('lists in its contents the page where each punkt starts', () => {
      const sider = indholdssider(pdf);
      expect([...sider.keys()]).toEqual(seed.punkter.map((punkt) => punkt.nr));
      for (const punkt of seed.punkter) {
        expect(foersteLinje(pdfTekst(pdf, sider.get(punkt.nr)!.side), sidelinje)).toBe(`Punkt ${punkt.nr}: ${punkt.titel}`);
      }
    });

    it('names the kommune configured in SAGSGANG_KOMMUNE as its author and on every page', () => {
      expect(pdfInfo(pdf)).toMatchObject({ Author: KOMMUNE, Tagged: 'yes' });
      for (const side of pdfTekst(pdf)
        .split('\f')
        .filter((tekst) => tekst.trim() !== ''))
        expect(side).toContain(KOMMUNE);
    });

    it('is the same bytes on every request, and the public one too', async () => {
      expect((await hentPdf(true)).equals(pdf)).toBe(true);
      expect((await hentPdf(false)).equals(await hentPdf(false))).toBe(true);
    });
  });

  it('heads the referat with the udvalg and the meeting date, and ends it with the approval', async () => {
    const text = await referat('text/plain');
    expect(text).toContain(`REFERAT ${seed.udvalg} d. ${seed.start.slice(8, 10)}-${seed.start.slice(5, 7)}-${seed.start.slice(0, 4)}`);
    expect(text).toMatch(/Referatet er godkendt .* af .*\.\n+SHA-256 af det godkendte referat: [0-9a-f]{64}/);
  });

  it('names the absent members under Fraværende', async () => {
    const text = await referat('text/plain');
    if (seed.fravaerende.length === 0) expect(text).not.toContain('Fraværende');
    else
      expect(text).toContain(
        `Fraværende ${seed.fravaerende
          .map(({ navn, parti }) => `${navn} (${parti})`)
          .join(', ')
          .replace(/, ([^,]*)$/, ' og $1')}`,
      );
    if (seed === SEED_000_MOEDE) expect(text).toContain(`Mødedeltagere ${SEED_000_TILSTEDE}`);
  });

  it('publishes the meeting: its state is offentliggjort, approved by every member present', async () => {
    const response = await request(api.url).get(`/moeder/${moedeId}`).set(klienten.token('revisor')).expect(200);
    expect(response.body).toMatchObject({
      status: 'offentliggjort',
      udvalg: seed.udvalg,
      referatSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(response.headers.etag).toBe(`"${response.body.revision}"`);
    expect(response.body.underskrifter.map((u: { medlem: string }) => u.medlem)).toEqual(response.body.underskrivere);
  });

  it('shows the public the published referat in full (no punkt is lukket), without the internal digest', async () => {
    const offentlig = await request(api.url).get(`/moeder/${moedeId}/referat`).expect(200);
    expect(manglerIRaekkefoelge(offentlig.text, iReferatet(seed, { numre: false }))).toBeNull();
    expect(offentlig.text).not.toContain('SHA-256');
  });

  it('routes every sag as its beslutning says', async () => {
    const statuses = await Promise.all(
      sager.map(async ({ id }) => {
        const response = await request(api.url)
          .get(`/sager/${id}?minPosition=${sidstePosition}`)
          .set(klienten.token('revisor'))
          .expect(200);
        return { status: response.body.status, ...(response.body.afventerUdvalg ? { afventerUdvalg: response.body.afventerUdvalg } : {}) };
      }),
    );
    expect(statuses).toEqual(seed.punkter.map(forventetSag));
  });

  it('lists the meeting under its udvalg and period', async () => {
    const dato = seed.start.slice(0, 10);
    const query = { udvalg: seed.udvalg, fra: dato, til: dato };
    const response = await request(api.url).get('/moeder').query(query).set(klienten.token('revisor')).expect(200);
    expect(response.body).toMatchObject({
      total: 1,
      items: [{ id: moedeId, status: 'offentliggjort', antalPunkter: seed.punkter.length }],
    });
  });
});
