import { udfaldCheck } from '@sagsgang/sag';
import { RegistrerBeslutning, TilfoejProtokoltilfoersel } from '../commands';
import { hvorforIkkeDeltager, overstemte, stemmer } from '../deltagelse';
import { BeslutningRegistreret, ProtokoltilfoerselTilfoejet } from '../events';
import { Afstemning, moedeDato, MoedeData, MoedeIn, Punkt } from '../state';
import { Check, nonEmptyText, problem, refuse, validate } from '@sagsgang/kernel';
import { aktivtPunkt, medlemCheck } from './faelles';

/** Decisions recorded while the meeting is open. */

/**
 * One beslutning per punkt, never changed: it goes on to the sag at once and
 * the sag has moved on by the time a correction could arrive. The udfald is
 * checked by the sag's own kompetence rule (udfaldCheck) against the snapshot,
 * so the sag will accept it.
 */
export function registrerBeslutning({ data, metadata }: RegistrerBeslutning, moede: MoedeIn<'i_gang'>): BeslutningRegistreret[] {
  const punkt = aktivtPunkt(moede, data.nr);
  if (punkt.beslutning) {
    refuse('nr', `punkt ${punkt.nr} har allerede en beslutning (${punkt.beslutning.udfald}); en registreret beslutning kan ikke ændres`);
  }
  const afstemning = data.afstemning ?? null;
  validate(
    udfaldCheck('udfald', data.udfald, { ...punkt.sag, tilladte: punkt.sag.udfald }),
    nonEmptyText('beslutningstekst', data.beslutningstekst),
    afstemningCheck(afstemning, moede, punkt),
  );
  const { moedeId, udfald, beslutningstekst } = data;
  return [
    {
      type: 'BeslutningRegistreret',
      data: {
        moedeId,
        nr: punkt.nr,
        sagId: punkt.sag.sagId,
        udvalg: moede.udvalg,
        moedeDato: moedeDato(moede),
        udfald,
        beslutningstekst,
        afstemning: afstemning && { for: [...afstemning.for], imod: [...afstemning.imod], undlod: [...afstemning.undlod] },
        tidspunkt: metadata.now,
      },
    },
  ];
}

/** Only a member outvoted in the recorded vote may have a dissent entered, once per punkt. */
export function tilfoejProtokoltilfoersel(
  { data, metadata }: TilfoejProtokoltilfoersel,
  moede: MoedeIn<'i_gang'>,
): ProtokoltilfoerselTilfoejet[] {
  const punkt = aktivtPunkt(moede, data.nr);
  validate(medlemCheck('medlem', moede, data.medlem), nonEmptyText('tekst', data.tekst));
  const { moedeId, medlem, tekst } = data;
  const afstemning = punkt.beslutning?.afstemning;
  if (!punkt.beslutning) refuse('nr', `punkt ${punkt.nr} har endnu ingen beslutning`);
  if (!afstemning) refuse('nr', `punkt ${punkt.nr} har ingen registreret afstemning, så intet medlem blev nedstemt`);
  if (!overstemte(afstemning).includes(medlem)) {
    refuse('medlem', `${ikkeOverstemt(afstemning, medlem, punkt.nr)}; kun et nedstemt medlem kan få en protokoltilførsel`);
  }
  if (punkt.protokoltilfoersler.some((tilfoersel) => tilfoersel.medlem === medlem)) {
    refuse('medlem', `${medlem} har allerede en protokoltilførsel på punkt ${punkt.nr}`);
  }
  return [
    {
      type: 'ProtokoltilfoerselTilfoejet',
      data: { moedeId, nr: punkt.nr, sagId: punkt.sag.sagId, medlem, tekst, tidspunkt: metadata.now },
    },
  ];
}

/** Every voter is a member who takes part in this punkt, and votes once. */
function afstemningCheck(afstemning: Afstemning | null, moede: MoedeData, punkt: Punkt): Check {
  if (afstemning === null) return null;
  const lists = [afstemning.for, afstemning.imod, afstemning.undlod];
  if (!lists.every((list) => Array.isArray(list) && list.every((navn) => typeof navn === 'string'))) {
    return problem('afstemning', 'skal være { for, imod, undlod }, hver en liste af medlemmernes navne');
  }
  if (stemmer(afstemning).length === 0) return problem('afstemning', 'nævner ingen, der stemte; giv null, når der ikke blev stemt');
  const seen = new Set<string>();
  return (['for', 'imod', 'undlod'] as const).flatMap((side) =>
    afstemning[side].flatMap((navn, index) => {
      const field = `afstemning.${side}[${index}]`;
      const twice = seen.has(navn);
      seen.add(navn);
      if (twice) return [problem(field, `${navn} stemmer mere end én gang`)];
      const reason = medlemCheck(field, moede, navn);
      if (reason) return [reason].flat();
      const absent = hvorforIkkeDeltager(moede, punkt, navn);
      return absent ? [problem(field, `${absent} og kan ikke stemme om det`)] : [];
    }),
  );
}

function ikkeOverstemt(afstemning: Afstemning, medlem: string, nr: number): string {
  if (afstemning.undlod.includes(medlem)) return `${medlem} undlod at stemme om punkt ${nr}`;
  if (afstemning.for.includes(medlem)) return `${medlem} stemte for på punkt ${nr}, og forslaget blev vedtaget`;
  if (afstemning.imod.includes(medlem)) return `${medlem} stemte imod på punkt ${nr}, og forslaget faldt`;
  return `${medlem} stemte ikke om punkt ${nr}`;
}
