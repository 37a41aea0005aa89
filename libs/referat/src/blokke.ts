/**
 * The document as a list of blocks, built once and written out by one small
 * writer per format. Every string in a block is plain text, never markup: the
 * writers escape all of it, so no user text can reach the output unescaped.
 */
export type Blok =
  /** The document heading (h1). */
  | { art: 'titel'; tekst: string }
  /** "Mødedato Mandag d. …": a label and its value on one line. */
  | { art: 'felt'; etiket: string; vaerdi: string }
  /** A heading: 2 for sections of the document, 3 within a punkt. */
  | { art: 'overskrift'; niveau: 2 | 3; tekst: string }
  /** One paragraph; its lines are kept as line breaks. */
  | { art: 'afsnit'; linjer: string[] }
  /** Numbered items carry their number, so a list may start anywhere. */
  | { art: 'liste'; punkter: { nr?: number; tekst: string }[] }
  /** The table of contents: each punkt's number and the title shown for it. */
  | { art: 'indhold'; punkter: { nr: number; tekst: string }[] }
  /** One punkt, starting on a new page in print. */
  | { art: 'punkt'; nr: number; overskrift: string; blokke: Blok[] };

/** A short text on one line: titles, names, at-clauses. */
export function enLinje(tekst: string): string {
  return tekst.replace(/\s*\r?\n\s*/g, ' ').trim();
}

export function afsnit(tekst: string): Blok {
  return { art: 'afsnit', linjer: [enLinje(tekst)] };
}

const PUNKTTEGN = /^- /;

/**
 * A long text as paragraphs and bullet lists: blank lines separate paragraphs,
 * lines starting with "- " are bullets; other lines stay as line breaks.
 */
export function tekstblokke(tekst: string): Blok[] {
  const blokke: Blok[] = [];
  for (const stykke of tekst.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    const linjer = stykke.split('\n').filter((linje) => linje.trim() !== '');
    let i = 0;
    while (i < linjer.length) {
      const erPunkt = PUNKTTEGN.test(linjer[i]);
      const start = i;
      while (i < linjer.length && PUNKTTEGN.test(linjer[i]) === erPunkt) i += 1;
      const gruppe = linjer.slice(start, i);
      blokke.push(
        erPunkt
          ? { art: 'liste', punkter: gruppe.map((linje) => ({ tekst: linje.replace(PUNKTTEGN, '') })) }
          : { art: 'afsnit', linjer: gruppe },
      );
    }
  }
  return blokke;
}
