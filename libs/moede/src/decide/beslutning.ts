import { isOutcome, OUTCOMES } from '@sagsgang/sag';
import { RegistrerBeslutning, TilfoejProtokoltilfoersel } from '../commands';
import { hvorforIkkeDeltager, overstemte, stemmer } from '../deltagelse';
import { BeslutningRegistreret, ProtokoltilfoerselTilfoejet } from '../events';
import { udvalgetHarKompetence, SagSnapshot } from '../snapshot';
import { Afstemning, moedeDato, MoedeData, MoedeIn, Punkt } from '../state';
import { Check, nonEmptyText, problem, refuse, validate } from '@sagsgang/kernel';
import { aktivtPunkt, medlemCheck } from './faelles';

/** Decisions recorded while the meeting is open. */

/**
 * One beslutning per punkt, never changed: it goes on to the sag at once and
 * the sag has moved on by the time a correction could arrive. The outcome must
 * be one the sag's workflow allows for its sagstype, routed the way the sag
 * will accept: only the udvalg with kompetence decides, and it has no next
 * udvalg to recommend to.
 */
export function registrerBeslutning({ data, metadata }: RegistrerBeslutning, moede: MoedeIn<'i_gang'>): BeslutningRegistreret[] {
  const punkt = aktivtPunkt(moede, data.nr);
  if (punkt.beslutning) {
    refuse('nr', `punkt ${punkt.nr} already has a beslutning (${punkt.beslutning.outcome}); a recorded beslutning cannot be changed`);
  }
  const afstemning = data.afstemning ?? null;
  validate(
    outcomeCheck(data.outcome, punkt.sag, moede.udvalg),
    nonEmptyText('beslutningstekst', data.beslutningstekst),
    afstemningCheck(afstemning, moede, punkt),
  );
  const { moedeId, outcome, beslutningstekst } = data;
  return [
    {
      type: 'BeslutningRegistreret',
      data: {
        moedeId,
        nr: punkt.nr,
        sagId: punkt.sag.sagId,
        udvalg: moede.udvalg,
        moedeDato: moedeDato(moede),
        outcome,
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
  if (!punkt.beslutning) refuse('nr', `punkt ${punkt.nr} has no beslutning yet`);
  if (!afstemning) refuse('nr', `punkt ${punkt.nr} has no recorded vote, so no member was outvoted`);
  if (!overstemte(afstemning).includes(medlem)) {
    refuse('medlem', `${ikkeOverstemt(afstemning, medlem, punkt.nr)}; only a member outvoted may have a protokoltilførsel recorded`);
  }
  if (punkt.protokoltilfoersler.some((tilfoersel) => tilfoersel.medlem === medlem)) {
    refuse('medlem', `${medlem} already has a protokoltilførsel on punkt ${punkt.nr}`);
  }
  return [
    {
      type: 'ProtokoltilfoerselTilfoejet',
      data: { moedeId, nr: punkt.nr, sagId: punkt.sag.sagId, medlem, tekst, tidspunkt: metadata.now },
    },
  ];
}

function outcomeCheck(outcome: unknown, sag: SagSnapshot, udvalg: string): Check {
  if (!isOutcome(outcome)) return problem('outcome', `"${String(outcome)}" is not an outcome; known: ${OUTCOMES.join(', ')}`);
  const allowed = OUTCOMES.filter((candidate) => sag.outcomes[candidate] !== undefined);
  const routing = sag.outcomes[outcome];
  const kompetence = udvalgetHarKompetence(sag);
  if (routing === undefined) {
    return problem('outcome', `"${outcome}" is not an outcome for sagstype ${sag.sagstype}; allowed: ${allowed.join(', ')}`);
  }
  if (routing === 'naeste_udvalg' && kompetence) {
    return problem('outcome', `${udvalg} holds kompetence in sag ${sag.sagsnummer}; there is no next udvalg to send it on to`);
  }
  if (routing === 'afgjort' && !kompetence) {
    const open = allowed.filter((candidate) => sag.outcomes[candidate] !== 'afgjort');
    const last = sag.sagsgang.at(-1);
    return problem(
      'outcome',
      `${udvalg} does not hold kompetence in sag ${sag.sagsnummer} (${last} does); it may record ${open.join(', ')}`,
    );
  }
  return null;
}

/** Every voter is a member who takes part in this punkt, and votes once. */
function afstemningCheck(afstemning: Afstemning | null, moede: MoedeData, punkt: Punkt): Check {
  if (afstemning === null) return null;
  const lists = [afstemning.for, afstemning.imod, afstemning.undlod];
  if (!lists.every((list) => Array.isArray(list) && list.every((navn) => typeof navn === 'string'))) {
    return problem('afstemning', 'must be { for, imod, undlod }, each a list of member names');
  }
  if (stemmer(afstemning).length === 0) return problem('afstemning', 'names no voter; give null when no vote was taken');
  const seen = new Set<string>();
  return (['for', 'imod', 'undlod'] as const).flatMap((side) =>
    afstemning[side].flatMap((navn, index) => {
      const field = `afstemning.${side}[${index}]`;
      const twice = seen.has(navn);
      seen.add(navn);
      if (twice) return [problem(field, `${navn} votes more than once`)];
      const reason = medlemCheck(field, moede, navn);
      if (reason) return [reason].flat();
      const absent = hvorforIkkeDeltager(moede, punkt, navn);
      return absent ? [problem(field, `${absent} and cannot vote on it`)] : [];
    }),
  );
}

function ikkeOverstemt(afstemning: Afstemning, medlem: string, nr: number): string {
  if (afstemning.undlod.includes(medlem)) return `${medlem} abstained on punkt ${nr}`;
  if (afstemning.for.includes(medlem)) return `${medlem} voted for on punkt ${nr}, and the proposal was carried`;
  if (afstemning.imod.includes(medlem)) return `${medlem} voted imod on punkt ${nr}, and the proposal fell`;
  return `${medlem} did not vote on punkt ${nr}`;
}
