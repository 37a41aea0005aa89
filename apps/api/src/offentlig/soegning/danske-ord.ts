import { newStemmer } from 'snowball-stemmers';

/** More words than this in one search are ignored: a search is a few words, not a document. */
const HOEJST_ORD = 8;
const stemmer = newStemmer('danish');

/** The words of a text as the index sees them: letters and digits, lower-cased the Danish way. */
export function ord(tekst: string): string[] {
  return tekst
    .normalize('NFC')
    .toLocaleLowerCase('da-DK')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((etOrd) => etOrd !== '');
}

/**
 * An FTS5 MATCH expression for a Danish search, or null when it has no word.
 * Each word is reduced to its Snowball stem and matched as a prefix, so
 * "budgetterne" finds "budgettet" and "budget", and every word must occur.
 * The index keeps words as written (æ, ø and å are letters of their own, not
 * a, o and a with marks), so the excerpts show the text as it is.
 */
export function soegeudtryk(soegning: string): string | null {
  const stammer = ord(soegning)
    .slice(0, HOEJST_ORD)
    .map((etOrd) => {
      const stamme = stemmer.stem(etOrd);
      return stamme.length >= 2 ? stamme : etOrd;
    });
  // Only letters and digits remain, so quoting each cannot break the expression.
  return stammer.length > 0 ? stammer.map((stamme) => `"${stamme}"*`).join(' ') : null;
}
