import { assertNever } from '@sagsgang/kernel';
import { Blok } from '../blokke';

/** Plain lines, a blank line between blocks, as in the seeds. */
export function somTekst(blokke: readonly Blok[]): string {
  return `${blokke.map(blok).join('\n\n')}\n`;
}

function blok(b: Blok): string {
  switch (b.art) {
    case 'titel':
    case 'overskrift':
      return b.tekst;
    case 'felt':
      return `${b.etiket} ${b.vaerdi}`;
    case 'afsnit':
      return b.linjer.join('\n');
    case 'liste':
      return b.punkter.map(({ nr, tekst }) => (nr === undefined ? `- ${tekst}` : `${nr}. ${tekst}`)).join('\n');
    case 'indhold':
      return b.punkter.map(({ nr, tekst }) => `${nr}. ${tekst}`).join('\n');
    case 'punkt':
      return [b.overskrift, ...b.blokke.map(blok)].join('\n\n');
    default:
      return assertNever(b);
  }
}
