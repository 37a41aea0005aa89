import { ExistingMoede } from '@sagsgang/moede';
import { dokumentblokke, MoedeDokument, somTekst } from '@sagsgang/referat';
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
              tekst: somTekst(blok.blokke),
            },
          ]
        : [],
    ),
  );
}
