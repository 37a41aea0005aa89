import { assertNever } from '@sagsgang/kernel';
import { ExistingMoede } from '@sagsgang/moede';
import { Blok, dokumentblokke, MoedeDokument } from '@sagsgang/referat';
import { erOffentlig } from '@sagsgang/read-models';
import { IndeksRaekke } from './soege-indeks';

/**
 * The rows a meeting gives the search index: one per punkt of its sent
 * dagsorden and of its published referat, in the public version, so the
 * index holds exactly the words the public can read (a lukket punkt's
 * number and neutral title, nothing of its content).
 */
export function offentligeTekster(moede: ExistingMoede, dokument: MoedeDokument): IndeksRaekke[] {
  if (!erOffentlig(moede)) return [];
  const arter = moede.status === 'offentliggjort' ? (['dagsorden', 'referat'] as const) : (['dagsorden'] as const);
  return arter.flatMap((art) =>
    dokumentblokke(dokument, art, 'offentlig').flatMap((blok) =>
      blok.art === 'punkt'
        ? [
            {
              moedeId: moede.id,
              art,
              nr: blok.nr,
              udvalg: moede.udvalg,
              start: moede.start,
              titel: blok.overskrift,
              tekst: tekstAf(blok.blokke),
            },
          ]
        : [],
    ),
  );
}

function tekstAf(blokke: readonly Blok[]): string {
  return blokke.map(blokTekst).join('\n');
}

function blokTekst(blok: Blok): string {
  switch (blok.art) {
    case 'titel':
    case 'overskrift':
      return blok.tekst;
    case 'felt':
      return `${blok.etiket} ${blok.vaerdi}`;
    case 'afsnit':
      return blok.linjer.join('\n');
    case 'liste':
    case 'indhold':
      return blok.punkter.map((punkt) => punkt.tekst).join('\n');
    case 'punkt':
      return `${blok.overskrift}\n${tekstAf(blok.blokke)}`;
    default:
      return assertNever(blok);
  }
}
