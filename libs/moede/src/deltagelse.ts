import { Afstemning, MoedeData, Punkt } from './state';

/**
 * Who takes part in what: the rules the decisions, the votes and the referat
 * all read, kept in one place so they cannot disagree.
 */

export function erMedlem(moede: MoedeData, navn: string): boolean {
  return moede.medlemmer.some((medlem) => medlem.navn === navn);
}

/** The members present at the meeting (not absent for the whole of it), in the order they were called. */
export function tilstedevaerende(moede: MoedeData): string[] {
  return moede.medlemmer.map(({ navn }) => navn).filter((navn) => !moede.fravaer.some((fravaer) => fravaer.medlem === navn));
}

/** Why a member takes no part in a punkt, or null when they do. */
export function hvorforIkkeDeltager(moede: MoedeData, punkt: Punkt, medlem: string): string | null {
  const helt = moede.fravaer.find((fravaer) => fravaer.medlem === medlem);
  if (helt) return `${medlem} er fraværende fra mødet (${helt.art})`;
  const her = punkt.fravaer.find((fravaer) => fravaer.medlem === medlem);
  if (her) return `${medlem} er fraværende fra punkt ${punkt.nr} (${her.art})`;
  const afgang = moede.afgange.find((afgang) => afgang.medlem === medlem);
  if (afgang && afgang.efterPunkt < punkt.nr) return `${medlem} forlod mødet efter punkt ${afgang.efterPunkt}`;
  if (punkt.inhabilitet.some((inhabil) => inhabil.medlem === medlem)) return `${medlem} er inhabil i punkt ${punkt.nr}`;
  return null;
}

/** The members who take part in a punkt: they may vote on it. */
export function deltagereIPunkt(moede: MoedeData, punkt: Punkt): string[] {
  return moede.medlemmer.map(({ navn }) => navn).filter((navn) => hvorforIkkeDeltager(moede, punkt, navn) === null);
}

export function stemmer(afstemning: Afstemning): string[] {
  return [...afstemning.for, ...afstemning.imod, ...afstemning.undlod];
}

/**
 * The members outvoted. A proposal is carried only with more votes for than
 * against; on a tie it falls, so those who voted for it are the ones outvoted.
 * Abstainers are never outvoted.
 */
export function overstemte(afstemning: Afstemning): string[] {
  return afstemning.for.length > afstemning.imod.length ? afstemning.imod : afstemning.for;
}

/** The numbers of the punkter this member has voted on. */
export function punkterMedStemmeFra(moede: MoedeData, medlem: string): number[] {
  return moede.punkter
    .filter((punkt) => punkt.beslutning?.afstemning && stemmer(punkt.beslutning.afstemning).includes(medlem))
    .map((punkt) => punkt.nr);
}
