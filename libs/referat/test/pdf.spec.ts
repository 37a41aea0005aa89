import { renderPdf } from '@sagsgang/referat';
import { iReferatet, SEED_MOEDER } from '../../../test/fixtures/seed-moeder';
import { describeMedPdftotext, foersteLinje, helePdfTekst, indholdssider, pdfInfo, pdfTekst } from '../../../test/support/pdf';
import { eksempelMoede, LUKKET } from './eksempel';
import { seedDokument } from './seed-dokument';
import { expectInOrder } from './support';

const KOMMUNE = 'Høje-Taastrup Kommune';
const enkelt = (tekst: string) => tekst.replace(/\s+/g, ' ').trim();
/** The header (kommune, title) and footer ("Side n af m") of every page. */
const sidelinje = (titel: string) => (linje: string) => linje === KOMMUNE || linje === titel || /^Side \d+ af \d+$/.test(linje);

describeMedPdftotext('The referat as PDF (read back with pdftotext)', () => {
  describe.each(SEED_MOEDER.map((moede) => [moede.udvalg, moede] as const))('seed referat of %s', (_, moede) => {
    const dokument = seedDokument(moede);
    let pdf: Buffer;
    let titel: string;
    beforeAll(async () => {
      pdf = await renderPdf(dokument, 'referat', 'intern', { kommune: KOMMUNE });
      titel = pdfInfo(pdf).Title;
    });

    it('contains every title, number, text, at-clause, beslutning, absence and bilag in the referat order', () => {
      const tekst = helePdfTekst(pdf, sidelinje(titel));

      expectInOrder(tekst, iReferatet(moede).map(enkelt));
    });

    it('lists in the contents, for each punkt, the page where it starts', () => {
      const sider = indholdssider(pdf);

      expect([...sider.keys()]).toEqual(moede.punkter.map((punkt) => punkt.nr));
      for (const punkt of moede.punkter) {
        const { side } = sider.get(punkt.nr)!;
        expect(foersteLinje(pdfTekst(pdf, side), sidelinje(titel))).toBe(`Punkt ${punkt.nr}: ${punkt.titel}`);
      }
    });

    it('names the kommune at the top of every page and numbers the pages at their foot', () => {
      const sider = pdfTekst(pdf)
        .split('\f')
        .filter((side) => side.trim() !== '');
      sider.forEach((side, i) => {
        expect(side).toContain(KOMMUNE);
        expect(side).toContain(`Side ${i + 1} af ${sider.length}`);
      });
    });

    it('renders the same bytes every time', async () => {
      expect((await renderPdf(dokument, 'referat', 'intern', { kommune: KOMMUNE })).equals(pdf)).toBe(true);
    });
  });

  describe('its metadata and structure', () => {
    let pdf: Buffer;
    beforeAll(async () => {
      pdf = await renderPdf(eksempelMoede(), 'referat', 'intern', { kommune: KOMMUNE });
    });
    const raa = () => pdf.toString('latin1');

    it('is tagged, in Danish, and shows its title rather than its file name', () => {
      expect(raa()).toContain('/Lang (da)');
      expect(raa()).toMatch(/\/MarkInfo \d+ 0 R/);
      expect(raa()).toMatch(/\/StructTreeRoot \d+ 0 R/);
      expect(raa()).toContain('/DisplayDocTitle true');
    });

    it('carries the title, the kommune as author, and the meeting as its date', () => {
      expect(pdfInfo(pdf)).toMatchObject({
        Title: 'REFERAT Økonomiudvalget d. 03-02-2025',
        Author: KOMMUNE,
        CreationDate: '2025-02-03T16:00:00Z',
        Tagged: 'yes',
      });
    });

    it('embeds its font, so the Danish letters read the same everywhere', () => {
      expect(raa()).toMatch(/\/FontFile2 \d+ 0 R/);
      expect(pdfTekst(pdf)).toContain('Budgetopfølgning pr. 31. december');
    });
  });

  it('shows the public no text of a lukket punkt, only that it was decided', async () => {
    const tekst = helePdfTekst(await renderPdf(eksempelMoede(), 'referat', 'offentlig', { kommune: KOMMUNE }), sidelinje(''));

    const laekket = [LUKKET.titel, LUKKET.sagsnummer, LUKKET.anledning, LUKKET.beslutning, LUKKET.bilag, ...LUKKET.at].filter((hemmelig) =>
      tekst.includes(hemmelig),
    );
    expect(laekket).toEqual([]);
    expect(tekst).toContain('Der er truffet beslutning i sagen.');
  });
});
