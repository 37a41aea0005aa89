import { NotAcceptableException } from '@nestjs/common';
import { Format } from '@sagsgang/referat';

/** The text formats, and the PDF (rendered from the same blocks, see renderPdf). */
export type Dokumentformat = Format | 'pdf';

/** The media types a dagsorden or referat is rendered as; the first is the default. */
export const DOKUMENT_MEDIETYPER: readonly { type: string; format: Dokumentformat }[] = [
  { type: 'text/plain', format: 'text' },
  { type: 'text/markdown', format: 'markdown' },
  { type: 'text/html', format: 'html' },
  { type: 'application/pdf', format: 'pdf' },
];

/**
 * Picks the format from an Accept header (RFC 9110 §12.5.1): each supported
 * type takes the q of the most specific range that matches it (exact, then
 * `text/*`, then `*\/*`); the highest q wins, ties in our order, so no header
 * or `*\/*` means text/plain. Nothing acceptable is a 406.
 */
export function vaelgFormat(accept: string | undefined): { type: string; format: Dokumentformat } {
  if (accept === undefined || accept.trim() === '') return DOKUMENT_MEDIETYPER[0];
  const ranges = accept
    .split(',')
    .map(parseRange)
    .filter((range) => range !== null);
  let best: { type: string; format: Dokumentformat; q: number } | undefined;
  for (const candidate of DOKUMENT_MEDIETYPER) {
    const q = quality(candidate.type, ranges);
    if (q > 0 && (!best || q > best.q)) best = { ...candidate, q };
  }
  if (!best) {
    throw new NotAcceptableException({
      title: 'Formatet findes ikke',
      detail: `Accept: ${accept}; dokumentet findes som ${DOKUMENT_MEDIETYPER.map(({ type }) => type).join(', ')}`,
    });
  }
  return { type: best.type, format: best.format };
}

interface Range {
  type: string;
  subtype: string;
  q: number;
}

function parseRange(text: string): Range | null {
  const [mediaRange, ...params] = text.split(';').map((part) => part.trim().toLowerCase());
  const match = /^([a-z0-9!#$&^_.+-]+|\*)\/([a-z0-9!#$&^_.+-]+|\*)$/.exec(mediaRange ?? '');
  if (!match) return null;
  const qParam = params.find((param) => param.startsWith('q='));
  const q = qParam === undefined ? 1 : Number(qParam.slice(2));
  return { type: match[1], subtype: match[2], q: Number.isFinite(q) ? Math.min(Math.max(q, 0), 1) : 0 };
}

/** The q of the most specific range that matches the type; 0 when none does. */
function quality(mediaType: string, ranges: Range[]): number {
  const [type, subtype] = mediaType.split('/');
  const specificity = (range: Range) =>
    range.type === type && range.subtype === subtype ? 3 : range.type === type && range.subtype === '*' ? 2 : range.type === '*' ? 1 : 0;
  const matching = ranges.filter((range) => specificity(range) > 0).sort((a, b) => specificity(b) - specificity(a));
  return matching[0]?.q ?? 0;
}
