import { ExistingMoede, Punkt } from '@sagsgang/moede';
import { BESLUTNING_TRUFFET, vistTitel } from '@sagsgang/referat';
import { ExistingSag, UDFALD_TEKST } from '@sagsgang/sag';
import { OffentligtBilagDto, OffentligtMoedeDto, OffentligtMoedeResumeDto, OffentligtPunktDto } from './offentlig.dto';

/** What a list shows of a public meeting. */
export function offentligtResume(moede: ExistingMoede): OffentligtMoedeResumeDto {
  const { id, udvalg, start, sted, status, punkter } = moede;
  return { id, udvalg, start, sted, status, referatOffentliggjort: status === 'offentliggjort', antalPunkter: punkter.length };
}

/**
 * The meeting as the public sees it, from the meeting and each punkt's sag as
 * the documents show them: a lukket punkt by number and neutral title, the
 * bilag of the open punkter only, each udfald once the referat is published.
 * The caller has checked that the dagsorden is sent.
 */
export function offentligtMoede(
  moede: ExistingMoede & { udsendt: string | null },
  sager: ReadonlyMap<number, ExistingSag>,
): OffentligtMoedeDto {
  const offentliggjort = moede.status === 'offentliggjort' ? moede.offentliggjort : null;
  return {
    ...offentligtResume(moede),
    udsendt: moede.udsendt ?? '',
    offentliggjort,
    aflystBegrundelse: moede.status === 'aflyst' ? moede.begrundelse : null,
    punkter: moede.punkter.map((punkt) => offentligtPunkt(moede.id, punkt, sager.get(punkt.nr), offentliggjort !== null)),
  };
}

function offentligtPunkt(moedeId: string, punkt: Punkt, sag: ExistingSag | undefined, referatOffentligt: boolean): OffentligtPunktDto {
  const aabent = !punkt.lukket;
  return {
    nr: punkt.nr,
    titel: punktTitel(punkt),
    lukket: punkt.lukket,
    supplerende: punkt.supplerende,
    trukket: punkt.trukket !== null,
    sagsnummer: aabent ? punkt.sag.sagsnummer : null,
    beslutning: referatOffentligt && punkt.beslutning ? (aabent ? UDFALD_TEKST[punkt.beslutning.udfald] : BESLUTNING_TRUFFET) : null,
    bilag: aabent && punkt.trukket === null ? (sag?.bilag ?? []).map((bilag) => offentligtBilag(moedeId, punkt.nr, bilag)) : [],
  };
}

function offentligtBilag(moedeId: string, nr: number, bilag: ExistingSag['bilag'][number]): OffentligtBilagDto {
  const { bilagId, titel, filnavn, medietype, stoerrelse } = bilag;
  return { id: bilagId, titel, filnavn, medietype, stoerrelse, url: offentligtBilagUrl(moedeId, nr, bilagId) };
}

export function offentligtBilagUrl(moedeId: string, nr: number, bilagId: string): string {
  return `/offentlig/moeder/${moedeId}/punkter/${nr}/bilag/${bilagId}`;
}

/** The bilag the public may download from this punkt: its sag's as the dagsorden shows it, if the punkt is open and on it. */
export function offentligtBilagAf(moede: ExistingMoede, sager: ReadonlyMap<number, ExistingSag>, nr: number, bilagId: string) {
  const punkt = moede.punkter.find((kandidat) => kandidat.nr === nr);
  if (!punkt || punkt.lukket || punkt.trukket !== null) return undefined;
  return sager.get(nr)?.bilag.find((bilag) => bilag.bilagId === bilagId);
}

/** The title the public sees. */
export function punktTitel(punkt: Punkt): string {
  return vistTitel(
    {
      nr: punkt.nr,
      titel: punkt.sag.titel,
      lukket: punkt.lukket,
      supplerende: punkt.supplerende,
      trukket: punkt.trukket !== null,
      neutralTitel: punkt.neutralTitel ?? undefined,
    },
    'offentlig',
  );
}
