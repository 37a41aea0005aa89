import PDFDocument from 'pdfkit';
import { Blok } from '../../blokke';
import { SIDE, SKRIFT, STOERRELSE } from './skrift';
import { Tegner } from './tegner';

export interface PdfOplysninger {
  /** The kommune's name: in every page's header and as the document's author. */
  kommune?: string;
  /** Subject in the document's metadata, e.g. "Referat af mødet i Direktionen". */
  emne: string;
  /** The document's date in its metadata (ISO 8601): fixed, so the same document gives the same bytes. */
  dato: string;
}

/**
 * The blocks as a tagged A4 PDF (language da, the title shown as the window
 * title) whose table of contents carries the page each punkt starts on. The
 * pages are only known once drawn, so it is drawn again with the pages the
 * previous drawing found until they agree (the numbers sit in a column of
 * their own, so the second drawing agrees).
 */
export async function somPdf(blokke: readonly Blok[], oplysninger: PdfOplysninger): Promise<Buffer> {
  let sider: ReadonlyMap<number, number> = new Map();
  for (let tegning = 1; tegning <= 3; tegning++) {
    const { pdf, startsider } = await tegnPdf(blokke, oplysninger, sider);
    if (samme(startsider, sider)) return pdf;
    sider = startsider;
  }
  throw new Error('the table of contents did not settle on its page numbers');
}

async function tegnPdf(blokke: readonly Blok[], oplysninger: PdfOplysninger, indholdssider: ReadonlyMap<number, number>) {
  const titelblok = blokke.find((blok) => blok.art === 'titel');
  const titel = titelblok?.art === 'titel' ? titelblok.tekst : oplysninger.emne;
  const dato = new Date(oplysninger.dato);
  const doc = new PDFDocument({
    size: SIDE.format,
    margins: SIDE.margener,
    font: SKRIFT.brod,
    bufferPages: true,
    tagged: true,
    lang: 'da',
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: titel,
      Subject: oplysninger.emne,
      ...(oplysninger.kommune ? { Author: oplysninger.kommune } : {}),
      Creator: 'sagsgang',
      CreationDate: dato,
      ModDate: dato,
    },
  });
  const bytes = samlet(doc);
  const tegner = new Tegner(doc, indholdssider);
  tegner.tegn(blokke);
  sidehoveder(doc, oplysninger.kommune ?? '', titel);
  doc.end();
  return { pdf: await bytes, startsider: tegner.startsider };
}

/** Kommune and title at the top, "Side n af m" at the foot of every page: pagination artifacts, not content. */
function sidehoveder(doc: PDFKit.PDFDocument, kommune: string, titel: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let side = start; side < start + count; side++) {
    doc.switchToPage(side);
    const { margins } = doc.page;
    const bredde = doc.page.width - margins.left - margins.right;
    const bund = margins.bottom;
    // Drawing in the margin would otherwise start a new page.
    margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font(SKRIFT.brod).fontSize(STOERRELSE.sidehoved).fillColor('#444444');
    if (kommune) doc.text(kommune, margins.left, margins.top / 2, { width: bredde / 2, lineBreak: false });
    doc.text(titel, margins.left + bredde / 2, margins.top / 2, { width: bredde / 2, align: 'right', lineBreak: false });
    doc.text(`Side ${side + 1} af ${count}`, margins.left, doc.page.height - bund / 2, {
      width: bredde,
      align: 'center',
      lineBreak: false,
    });
    doc.endMarkedContent();
    doc.fillColor('black');
    margins.bottom = bund;
  }
}

function samlet(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const dele: Buffer[] = [];
  doc.on('data', (del: Buffer) => dele.push(del));
  return new Promise((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(dele)));
    doc.on('error', reject);
  });
}

function samme(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): boolean {
  return a.size === b.size && [...a].every(([nr, side]) => b.get(nr) === side);
}
