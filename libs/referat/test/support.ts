import { Format } from '@sagsgang/referat';

/**
 * Fails unless every string occurs in `tekst`, each after the one before;
 * names the first that is missing and says whether it occurs earlier.
 */
export function expectInOrder(tekst: string, strenge: readonly string[]): void {
  let fra = 0;
  strenge.forEach((streng, i) => {
    const her = tekst.indexOf(streng, fra);
    if (her === -1) {
      const tidligere = tekst.indexOf(streng) !== -1 ? ' (it occurs, but before the previous string)' : '';
      throw new Error(`string ${i + 1} of ${strenge.length} not found in order${tidligere}: ${JSON.stringify(streng)}`);
    }
    fra = her + streng.length;
  });
}

/** The test's own HTML escaping, independent of the library's. */
export function html(tekst: string): string {
  return tekst.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Markdown with its backslash escapes removed, to search for the plain text. */
export function udenMarkdownEscapes(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/**
 * Each format with how a plain string shows in it (`vis`) and how to read the
 * output back for searching (`laes`).
 */
export const FORMATER: readonly { format: Format; vis: (s: string) => string; laes: (ud: string) => string }[] = [
  { format: 'text', vis: (s) => s, laes: (ud) => ud },
  { format: 'markdown', vis: (s) => s, laes: udenMarkdownEscapes },
  { format: 'html', vis: html, laes: (ud) => ud },
];

/** The part of a rendering from "Punkt <nr>:" up to the next punkt (or the end). */
export function punktudsnit(ud: string, nr: number): string {
  const start = ud.indexOf(`Punkt ${nr}:`);
  if (start === -1) throw new Error(`no "Punkt ${nr}:" in the rendering`);
  const slut = ud.indexOf(`Punkt ${nr + 1}:`, start);
  return ud.slice(start, slut === -1 ? undefined : slut);
}
