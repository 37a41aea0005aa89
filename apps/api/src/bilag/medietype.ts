import { filetypemime } from 'magic-bytes.js';

/** The first bytes of a file are enough for its signature (magic-bytes.js reads no further). */
export const HOVED_BYTES = 4096;

/**
 * Why a file's first bytes do not fit the media type it was declared as, or
 * null when they do. The signatures come from magic-bytes.js:
 * - a binary type (application/pdf, image/png, a .docx …) must be among the
 *   types its signature could be (a .docx sent as application/pdf is not);
 * - text (text/*) must have no binary signature and no NUL byte;
 * - application/octet-stream, "some file", must have no signature it could
 *   have been declared by instead.
 */
export function medietypeFejl(erklaeret: string, hoved: Uint8Array): string | null {
  const type = erklaeret.split(';')[0].trim().toLowerCase();
  const mulige = [...new Set(filetypemime(hoved))];
  const ligner = mulige.length > 0 ? `indholdet ligner ${mulige.join(' eller ')}` : 'indholdet har ingen kendt signatur';
  if (type.startsWith('text/')) {
    if (mulige.length > 0 && !mulige.includes(type)) return `angivet som ${type}, men ${ligner}`;
    if (hoved.includes(0)) return `angivet som ${type}, men indholdet har NUL-bytes: det er ikke tekst`;
    return null;
  }
  if (type === 'application/octet-stream') {
    return mulige.length === 0 ? null : `angivet som application/octet-stream, men ${ligner}: angiv den medietype`;
  }
  return mulige.includes(type) ? null : `angivet som ${type}, men ${ligner}`;
}
