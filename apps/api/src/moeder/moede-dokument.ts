import { RecordedEvent } from '@sagsgang/event-store';
import { ExistingMoede, moedeDato, Punkt } from '@sagsgang/moede';
import { MoedeDokument, PunktDokument } from '@sagsgang/referat';
import { ExistingSag, gaeldendeIndstilling, UDFALD_TEKST } from '@sagsgang/sag';

/**
 * The renderer's view model from the folded meeting and, per punkt number,
 * the sag folded from its own stream. Titles and numbers come from the
 * snapshot the punkt keeps; the texts (anledning, indstilling,
 * sagsfremstilling, bilag) from the sag.
 */
export function moedeDokument(moede: ExistingMoede, sager: ReadonlyMap<number, ExistingSag>): MoedeDokument {
  const godkendt = moede.status === 'referat_godkendt' || moede.status === 'offentliggjort' ? moede : null;
  return {
    udvalg: moede.udvalg,
    start: moede.start,
    sted: moede.sted,
    medlemmer: moede.medlemmer.map(person),
    deltagere: moede.deltagere,
    sekretaer: moede.sekretaer,
    fravaerende: moede.fravaer.map(({ medlem, art }) => ({ ...person(medlemNamed(moede, medlem)), art })),
    punkter: moede.punkter.map((punkt) => punktDokument(moede, punkt, sager.get(punkt.nr))),
    ...(godkendt
      ? { godkendt: { tidspunkt: godkendt.godkendt, underskrivere: godkendt.underskrivere }, referatSha256: godkendt.referatSha256 }
      : {}),
  };
}

function punktDokument(moede: ExistingMoede, punkt: Punkt, sag: ExistingSag | undefined): PunktDokument {
  const indstilling = sag && gaeldendeIndstilling(sag);
  const { beslutning } = punkt;
  return {
    nr: punkt.nr,
    titel: punkt.sag.titel,
    ...(punkt.neutralTitel ? { neutralTitel: punkt.neutralTitel } : {}),
    lukket: punkt.lukket,
    supplerende: punkt.supplerende,
    trukket: punkt.trukket !== null,
    sagsnummer: punkt.sag.sagsnummer,
    journalnummer: punkt.sag.journalnummer,
    anledning: sag?.anledning ?? undefined,
    indstilling: indstilling ? { indstiller: indstilling.indstiller, atPunkter: indstilling.atPunkter } : undefined,
    sagsfremstilling: sag?.sagsfremstillinger.at(-1)?.tekst,
    beslutning: beslutning
      ? {
          udvalg: moede.udvalg,
          moedeDato: moedeDato(moede),
          udfaldTekst: UDFALD_TEKST[beslutning.udfald],
          beslutningstekst: beslutning.beslutningstekst,
          ...(beslutning.afstemning ? { afstemning: beslutning.afstemning } : {}),
        }
      : undefined,
    inhabilitet: punkt.inhabilitet.map(({ medlem, begrundelse }) => ({ medlem, begrundelse })),
    fravaer: punkt.fravaer.map(({ medlem, art }) => ({ navn: medlem, art })),
    afgange: moede.afgange.filter((afgang) => afgang.efterPunkt === punkt.nr).map((afgang) => afgang.medlem),
    protokoltilfoersler: punkt.protokoltilfoersler.map(({ medlem, tekst }) => ({ medlem, tekst })),
    bilag: (sag?.bilag ?? []).map(({ titel }) => ({ titel })),
  };
}

/**
 * The document the public reads: each punkt as lukket as it was then or is
 * now, whichever is stricter, so closing a punkt after the dagsorden was sent
 * also closes the version that was sent. Punkter are matched by their sag.
 * The same object when nothing is stricter now.
 */
export function offentligtDokument(dokument: MoedeDokument, vist: ExistingMoede, nu: ExistingMoede): MoedeDokument {
  const lukketNu = new Map(nu.punkter.filter((punkt) => punkt.lukket).map((punkt) => [punkt.sag.sagId, punkt] as const));
  const sagAf = new Map(vist.punkter.map((punkt) => [punkt.nr, punkt.sag.sagId] as const));
  let strengere = false;
  const punkter = dokument.punkter.map((punkt) => {
    const nuLukket = lukketNu.get(sagAf.get(punkt.nr) ?? '');
    if (punkt.lukket || !nuLukket) return punkt;
    strengere = true;
    return { ...punkt, lukket: true, ...(nuLukket.neutralTitel ? { neutralTitel: nuLukket.neutralTitel } : {}) };
  });
  return strengere ? { ...dokument, punkter } : dokument;
}

function person({ navn, parti }: { navn: string; parti: string | null }) {
  return parti === null ? { navn } : { navn, parti };
}

function medlemNamed(moede: ExistingMoede, navn: string) {
  return moede.medlemmer.find((medlem) => medlem.navn === navn) ?? { navn, parti: null };
}

/**
 * The global position up to which each punkt's sag is read, so that a
 * referat never changes after the meeting: for a decided or withdrawn punkt,
 * the position of its beslutning or withdrawal (the sag may be given a new
 * indstilling right after it is sent on or back); for any other punkt, the
 * closing of the meeting; before that, none (the sag as it stands now).
 * Positions of one store compare across streams, on EventStoreDB too.
 */
export function sagenLaesesTil(history: readonly RecordedEvent[]): (nr: number) => number | undefined {
  const perPunkt = new Map<number, number>();
  let haevet: number | undefined;
  for (const event of history) {
    if (event.type === 'BeslutningRegistreret' || event.type === 'PunktTrukket') perPunkt.set(event.data.nr as number, event.position);
    if (event.type === 'MoedeHaevet') haevet = event.position;
  }
  return (nr) => perPunkt.get(nr) ?? haevet;
}
