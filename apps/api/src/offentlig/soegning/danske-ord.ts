import { newStemmer } from 'snowball-stemmers';
import { UddragDelDto } from '../offentlig.dto';

/** More words than this in one search are ignored: a search is a few words, not a document. */
const HOEJST_ORD = 8;
/** Characters of text before and after the first match in an excerpt. */
const FOER = 80;
const EFTER = 220;
const stemmer = newStemmer('danish');

/** The words of a text as the index sees them: letters and digits, lower-cased the Danish way. */
export function ord(tekst: string): string[] {
  return tekst
    .normalize('NFC')
    .toLocaleLowerCase('da-DK')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((etOrd) => etOrd !== '');
}

/** Each word of a search reduced to its Danish Snowball stem ("budgetterne" → "budget"). */
export function stammer(soegning: string): string[] {
  return ord(soegning)
    .slice(0, HOEJST_ORD)
    .map((etOrd) => {
      const stamme = stemmer.stem(etOrd);
      return stamme.length >= 2 ? stamme : etOrd;
    });
}

/**
 * The FTS5 MATCH expression for the stems: each a prefix, every one
 * required, so "budgetterne" finds "budgettet" and "budget". The index keeps
 * words as written (æ, ø and å are letters of their own), so the excerpts
 * show the text as it is. Only letters and digits remain in a stem, so
 * quoting each cannot break the expression.
 */
export function soegeudtryk(stemmer: readonly string[]): string {
  return stemmer.map((stamme) => `"${stamme}"*`).join(' ');
}

/** The words FTS5 matched for these stems: a word starting with one of them, case-folded. */
export function ordMoenster(stemmer: readonly string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${stemmer.map(escape).join('|')})[\\p{L}\\p{N}]*`, 'giu');
}

/**
 * The stretch of a text around its first matched word, in pieces with the
 * matched words marked. Cut at spaces, with "…" where text was left out.
 */
export function uddrag(tekst: string, moenster: RegExp): UddragDelDto[] {
  const foerste = Math.max(0, tekst.search(moenster));
  const fra = foerste <= FOER ? 0 : tekst.lastIndexOf(' ', foerste - FOER) + 1;
  const stop = tekst.indexOf(' ', foerste + EFTER);
  const til = stop < 0 ? tekst.length : stop;
  const udsnit = `${fra > 0 ? '…' : ''}${tekst.slice(fra, til).replace(/\s+/g, ' ')}${til < tekst.length ? ' …' : ''}`;
  const dele: UddragDelDto[] = [];
  let sidst = 0;
  for (const fund of udsnit.matchAll(moenster)) {
    if (fund.index > sidst) dele.push({ tekst: udsnit.slice(sidst, fund.index), fremhaevet: false });
    dele.push({ tekst: fund[0], fremhaevet: true });
    sidst = fund.index + fund[0].length;
  }
  if (sidst < udsnit.length) dele.push({ tekst: udsnit.slice(sidst), fremhaevet: false });
  return dele;
}

function escape(stamme: string): string {
  return stamme.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
