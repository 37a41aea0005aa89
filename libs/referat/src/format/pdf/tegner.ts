import type {} from 'pdfkit';
import { assertNever } from '@sagsgang/kernel';
import { Blok } from '../../blokke';
import { LUFT, SKRIFT, STOERRELSE } from './skrift';

type Doc = PDFKit.PDFDocument;
type Element = PDFKit.PDFStructureElement;

/** Room for the label of a list item ("12."), and for a page number in the table of contents. */
const INDRYK = 22;
const SIDETAL = 36;

/**
 * Draws the blocks onto a tagged PDF document, each under its structure
 * element (H1–H3, P, L/LI/Lbl/LBody, TOC/TOCI/Link, Sect per punkt), and
 * notes the page each punkt starts on. The table of contents shows the
 * page numbers it is given: the caller draws twice, the second time with
 * the pages the first one found.
 */
export class Tegner {
  /** Punkt number → its first page (1-based). */
  readonly startsider = new Map<number, number>();
  private readonly rod: Element;

  constructor(
    private readonly doc: Doc,
    private readonly indholdssider: ReadonlyMap<number, number>,
  ) {
    this.rod = doc.struct('Document');
    doc.addStructure(this.rod);
  }

  tegn(blokke: readonly Blok[]): void {
    for (const blok of blokke) this.blok(blok, this.rod);
    this.rod.end();
  }

  private get venstre(): number {
    return this.doc.page.margins.left;
  }

  private get bredde(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  private blok(blok: Blok, forael: Element): void {
    switch (blok.art) {
      case 'titel':
        return this.overskrift('H1', blok.tekst, STOERRELSE.titel, forael);
      case 'overskrift':
        return this.overskrift(blok.niveau === 2 ? 'H2' : 'H3', blok.tekst, blok.niveau === 2 ? STOERRELSE.h2 : STOERRELSE.h3, forael);
      case 'felt':
        return this.felt(blok.etiket, blok.vaerdi, forael);
      case 'afsnit':
        return this.afsnit(blok.linjer.join('\n'), forael);
      case 'liste':
        return this.liste(blok.punkter, forael);
      case 'indhold':
        return this.indhold(blok.punkter, forael);
      case 'punkt':
        return this.punkt(blok, forael);
      default:
        return assertNever(blok);
    }
  }

  /** A heading is kept with at least two lines of what follows it. */
  private overskrift(tag: 'H1' | 'H2' | 'H3', tekst: string, stoerrelse: number, forael: Element, destination?: string): void {
    const { doc } = this;
    if (!this.oeverstPaaSiden()) doc.y += LUFT.foerOverskrift;
    doc.font(SKRIFT.fed).fontSize(stoerrelse);
    this.plads(doc.heightOfString(tekst, { width: this.bredde }) + 3 * doc.currentLineHeight(true));
    const y = doc.y;
    forael.add(doc.struct(tag, {}, () => doc.text(tekst, this.venstre, y, { width: this.bredde, destination })));
    doc.y += LUFT.overskrift;
  }

  private felt(etiket: string, vaerdi: string, forael: Element): void {
    const { doc } = this;
    const y = doc.y;
    forael.add(
      doc.struct('P', {}, () => {
        doc.font(SKRIFT.fed).fontSize(STOERRELSE.brod).text(`${etiket} `, this.venstre, y, { width: this.bredde, continued: true });
        doc.font(SKRIFT.brod).text(vaerdi);
      }),
    );
    doc.y += LUFT.afsnit / 2;
  }

  private afsnit(tekst: string, forael: Element): void {
    const { doc } = this;
    doc.font(SKRIFT.brod).fontSize(STOERRELSE.brod);
    this.plads(doc.currentLineHeight(true));
    const y = doc.y;
    forael.add(doc.struct('P', {}, () => doc.text(tekst, this.venstre, y, { width: this.bredde })));
    doc.y += LUFT.afsnit;
  }

  /** Label and body side by side; an item starts on the page where it fits its first line. */
  private liste(punkter: readonly { nr?: number; tekst: string }[], forael: Element): void {
    const { doc } = this;
    const liste = doc.struct('L');
    forael.add(liste);
    for (const { nr, tekst } of punkter) {
      doc.font(SKRIFT.brod).fontSize(STOERRELSE.brod);
      this.plads(doc.currentLineHeight(true));
      const y = doc.y;
      const punkt = doc.struct('LI');
      liste.add(punkt);
      punkt.add(
        doc.struct('Lbl', {}, () => doc.text(nr === undefined ? '•' : `${nr}.`, this.venstre, y, { width: INDRYK, lineBreak: false })),
      );
      punkt.add(doc.struct('LBody', {}, () => doc.text(tekst, this.venstre + INDRYK, y, { width: this.bredde - INDRYK })));
      punkt.end();
      doc.y += LUFT.afsnit / 2;
    }
    liste.end();
    doc.y += LUFT.afsnit / 2;
  }

  /** Each entry a link to its punkt, its page number right-aligned on its first line; an entry is never split over two pages. */
  private indhold(punkter: readonly { nr: number; tekst: string }[], forael: Element): void {
    const { doc } = this;
    const indhold = doc.struct('TOC');
    forael.add(indhold);
    for (const { nr, tekst } of punkter) {
      const titel = `${nr}. ${tekst}`;
      const titelbredde = this.bredde - SIDETAL;
      doc.font(SKRIFT.brod).fontSize(STOERRELSE.brod);
      this.plads(doc.heightOfString(titel, { width: titelbredde }));
      const y = doc.y;
      const punkt = doc.struct('TOCI');
      const link = doc.struct('Link');
      indhold.add(punkt);
      punkt.add(link);
      link.add(() => doc.text(titel, this.venstre, y, { width: titelbredde }));
      const bund = doc.y;
      const side = String(this.indholdssider.get(nr) ?? '');
      link.add(() => doc.text(side, this.venstre + titelbredde, y, { width: SIDETAL, align: 'right', lineBreak: false }));
      doc.goTo(this.venstre, y, this.bredde, bund - y, `punkt-${nr}`, { structParent: link } as PDFKit.Mixins.AnnotationOption);
      link.end();
      punkt.end();
      doc.y = bund + LUFT.afsnit / 2;
    }
    indhold.end();
  }

  /** A punkt starts on a new page, with a bookmark and a named destination for the contents to link to. */
  private punkt(blok: Extract<Blok, { art: 'punkt' }>, forael: Element): void {
    const { doc } = this;
    if (!this.oeverstPaaSiden()) doc.addPage();
    this.startsider.set(blok.nr, doc.bufferedPageRange().count);
    doc.outline.addItem(blok.overskrift);
    const sektion = doc.struct('Sect');
    forael.add(sektion);
    this.overskrift('H2', blok.overskrift, STOERRELSE.h2, sektion, `punkt-${blok.nr}`);
    for (const indre of blok.blokke) this.blok(indre, sektion);
    sektion.end();
  }

  /** A new page unless `hoejde` points fit above the bottom margin. */
  private plads(hoejde: number): void {
    if (!this.oeverstPaaSiden() && this.doc.y + hoejde > this.doc.page.maxY()) this.doc.addPage();
  }

  private oeverstPaaSiden(): boolean {
    return this.doc.y <= this.doc.page.margins.top + 0.5;
  }
}
