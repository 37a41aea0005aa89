import { assertNever } from '@sagsgang/kernel';
import { Blok } from '../blokke';

/**
 * Markdown (CommonMark). User text is escaped only where it would change the
 * structure, so the source stays readable: inline markup characters and "<"
 * (raw HTML) everywhere, and a leading "#", "-", "+", ">", "=", "|", "~" or
 * "1." / "1)" at the start of a line.
 */
export function somMarkdown(blokke: readonly Blok[]): string {
  return `${blokke.map(blok).join('\n\n')}\n`;
}

function blok(b: Blok): string {
  switch (b.art) {
    case 'titel':
      return `# ${overskrift(b.tekst)}`;
    case 'overskrift':
      return `${'#'.repeat(b.niveau)} ${overskrift(b.tekst)}`;
    case 'felt':
      return `**${inline(b.etiket)}** ${inline(b.vaerdi)}`;
    case 'afsnit':
      // Two trailing spaces: a line break within the paragraph.
      return b.linjer.map(linje).join('  \n');
    case 'liste':
      return b.punkter.map(({ nr, tekst }) => `${nr === undefined ? '-' : `${nr}.`} ${linje(tekst)}`).join('\n');
    case 'indhold':
      return b.punkter.map(({ nr, tekst }) => `${nr}. ${linje(tekst)}`).join('\n');
    case 'punkt':
      return [`## ${overskrift(b.overskrift)}`, ...b.blokke.map(blok)].join('\n\n');
    default:
      return assertNever(b);
  }
}

export function inline(tekst: string): string {
  return tekst.replace(/[\\`*_<[\]]/g, '\\$&');
}

/** Text that fills a line (or a list item); surrounding blanks would read as code or a line break. */
export function linje(tekst: string): string {
  return inline(tekst.trim())
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^([#>+=|~-])/, '\\$1');
}

/** A closing "#" would be taken for the end of an ATX heading. */
function overskrift(tekst: string): string {
  return inline(tekst).replace(/#$/, '\\#');
}
