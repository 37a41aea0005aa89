import { ExistingMoede, Punkt } from '@sagsgang/moede';
import { BESLUTNING_TRUFFET, PunktDokument, vistTitel } from '@sagsgang/referat';
import { ExistingSag, UDFALD_TEKST } from '@sagsgang/sag';
import { MoedeMedDokument } from '../moeder/moede-dokumenter';
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
 * Which punkter are lukket is the public document's rule (lukket then or
 * now, see offentligtDokument). The caller has checked that the dagsorden is sent.
 */
export function offentligtMoede(bygget: MoedeMedDokument): OffentligtMoedeDto {
  const moede = bygget.moede as ExistingMoede & { udsendt: string | null };
  const offentliggjort = moede.status === 'offentliggjort' ? moede.offentliggjort : null;
  return {
    ...offentligtResume(moede),
    udsendt: moede.udsendt ?? '',
    offentliggjort,
    aflystBegrundelse: moede.status === 'aflyst' ? moede.begrundelse : null,
    punkter: moede.punkter.map((punkt) =>
      offentligtPunkt(moede.id, punkt, offentligtVist(bygget, punkt.nr), bygget.sager.get(punkt.nr), offentliggjort !== null),
    ),
  };
}

function offentligtPunkt(
  moedeId: string,
  punkt: Punkt,
  vist: PunktDokument,
  sag: ExistingSag | undefined,
  referatOffentligt: boolean,
): OffentligtPunktDto {
  const lukket = vist.lukket === true;
  const aabent = !lukket;
  return {
    nr: punkt.nr,
    titel: vistTitel(vist, 'offentlig'),
    lukket,
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

/**
 * The bilag the public may download from this punkt: its sag's as the
 * dagsorden shows it, if the punkt is on it, not withdrawn, and open in the
 * public document (neither lukket then nor now).
 */
export function offentligtBilagAf(bygget: MoedeMedDokument, nr: number, bilagId: string) {
  const punkt = bygget.offentligt.punkter.find((kandidat) => kandidat.nr === nr);
  if (!punkt || punkt.lukket || punkt.trukket) return undefined;
  return bygget.sager.get(nr)?.bilag.find((bilag) => bilag.bilagId === bilagId);
}

/** The punkt as the public document shows it. */
function offentligtVist(bygget: MoedeMedDokument, nr: number): PunktDokument {
  const punkt = bygget.offentligt.punkter.find((kandidat) => kandidat.nr === nr);
  if (!punkt) throw new Error(`punkt ${nr} is on the meeting but not in its document`);
  return punkt;
}

/** The title the public sees of a punkt as the meeting stands now (the feeds, which read the meetings' read model). */
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
