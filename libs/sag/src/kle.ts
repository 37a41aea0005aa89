import { FieldProblem, ValidationFailed } from '@sagsgang/kernel';

/**
 * A KLE journalnummer `HH.GG.EE-Fnn-løbenr-YY` (e.g. `00.01.10-A21-3-15`), or
 * the emne alone (`HH.GG.EE`) when the sag has not been journalised yet.
 */
export interface Journalnummer {
  /** The KLE emne `HH.GG.EE`. */
  emne: string;
  hovedgruppe: string;
  gruppe: string;
  emnenummer: string;
  /** A letter and 0–2 digits, e.g. `A21`; null when only the emne is given. */
  handlingsfacet: string | null;
  loebenummer: number | null;
  /** Two-digit year. */
  aar: number | null;
}

const SHAPE = 'journalnummeret skal være HH.GG.EE-Fnn-løbenr-ÅÅ (fx 00.01.10-A21-3-15) eller emnet alene, HH.GG.EE';
const EMNE = /^(\d{2})\.(\d{2})\.(\d{2})$/;
const HANDLINGSFACET = /^[A-Z]\d{0,2}$/;
const LOEBENUMMER = /^[1-9]\d*$/;
const AAR = /^\d{2}$/;

/** The problems with a journalnummer, one per wrong part; empty when it is valid. */
export function journalnummerProblems(value: string): FieldProblem[] {
  const parts = value.split('-');
  if (parts.length !== 1 && parts.length !== 4) {
    return [problem(`"${value}" har ${parts.length} dele adskilt af bindestreg; ${SHAPE}`)];
  }
  const [emne, facet, loebenummer, aar] = parts;
  const reasons = [
    EMNE.test(emne) ? null : `emnet "${emne}" skal være HH.GG.EE, tre grupper af to cifre`,
    facet === undefined || HANDLINGSFACET.test(facet)
      ? null
      : `handlingsfacetten "${facet}" skal være et stort bogstav og 0–2 cifre, fx A21`,
    loebenummer === undefined || LOEBENUMMER.test(loebenummer) ? null : `løbenummeret "${loebenummer}" skal være et positivt heltal`,
    aar === undefined || AAR.test(aar) ? null : `året "${aar}" skal være to cifre`,
  ];
  return reasons.filter((reason): reason is string => reason !== null).map((reason) => problem(`${reason}; ${SHAPE}`));
}

export function parseJournalnummer(value: string): Journalnummer {
  const problems = journalnummerProblems(value);
  if (problems.length > 0) throw new ValidationFailed(problems);
  const [emne, facet, loebenummer, aar] = value.split('-');
  const [, hovedgruppe, gruppe, emnenummer] = EMNE.exec(emne)!;
  return {
    emne,
    hovedgruppe,
    gruppe,
    emnenummer,
    handlingsfacet: facet ?? null,
    loebenummer: loebenummer === undefined ? null : Number(loebenummer),
    aar: aar === undefined ? null : Number(aar),
  };
}

function problem(reason: string): FieldProblem {
  return { field: 'journalnummer', reason };
}
