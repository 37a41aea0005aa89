import { createHash } from 'node:crypto';
import { assertNever } from '@sagsgang/kernel';
import { Blok } from './blokke';
import { dokumentblokke } from './dokument';
import { somHtml } from './format/html';
import { somPdf } from './format/pdf';
import { somMarkdown } from './format/markdown';
import { somTekst } from './format/tekst';
import { Format, MoedeDokument, Publikum } from './model';

/** The agenda: every punkt with its texts, no beslutning. */
export function renderDagsorden(doc: MoedeDokument, format: Format, publikum: Publikum): string {
  return skriv(dokumentblokke(doc, 'dagsorden', publikum), format);
}

/** The minutes: the agenda's texts with each beslutning, vote, absence and protokoltilførsel. */
export function renderReferat(doc: MoedeDokument, format: Format, publikum: Publikum): string {
  return skriv(dokumentblokke(doc, 'referat', publikum), format);
}

export interface PdfValg {
  /** The kommune's name, printed at the top of every page. */
  kommune?: string;
}

/**
 * The dagsorden or referat as PDF: the same blocks as the other formats,
 * with page numbers in the contents. Dated by the meeting (the referat by
 * its approval once approved), so the same document gives the same bytes.
 */
export function renderPdf(doc: MoedeDokument, art: 'dagsorden' | 'referat', publikum: Publikum, valg: PdfValg = {}): Promise<Buffer> {
  const emne = `${art === 'referat' ? 'Referat' : 'Dagsorden'} for ${doc.udvalg}`;
  const dato = art === 'referat' && doc.godkendt ? doc.godkendt.tidspunkt : doc.start;
  return somPdf(dokumentblokke(doc, art, publikum), { kommune: valg.kommune, emne, dato });
}

/** sha256 (hex) of the UTF-8 bytes of a text rendering. */
export function referatSha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The text the members approve and whose hash the approval records: the
 * internal plain-text referat without the approval itself, which cannot be
 * part of what it approves.
 */
export function referatTilGodkendelse(doc: MoedeDokument): string {
  const { godkendt: _godkendt, referatSha256: _sha, ...uden } = doc;
  return renderReferat(uden, 'text', 'intern');
}

function skriv(blokke: Blok[], format: Format): string {
  switch (format) {
    case 'text':
      return somTekst(blokke);
    case 'markdown':
      return somMarkdown(blokke);
    case 'html':
      return somHtml(blokke);
    default:
      return assertNever(format);
  }
}
