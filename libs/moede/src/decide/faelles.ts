import { Check, NotFound, positiveInteger, problem, validate, ValidationFailed } from '@sagsgang/kernel';
import { erMedlem } from '../deltagelse';
import { MoedeData, Punkt } from '../state';

/** Lookups shared by the decisions; each fails the way the API should answer. */

/** The punkt with this number; a number not on the agenda is a 404. */
export function findPunkt(moede: MoedeData, nr: unknown, field = 'nr'): Punkt {
  validate(positiveInteger(field, nr));
  const punkt = moede.punkter.find((candidate) => candidate.nr === nr);
  if (!punkt) throw new NotFound('punkt', `${String(nr)} på møde ${moede.id}`);
  return punkt;
}

/** A punkt still on the agenda: a withdrawn one can be neither changed nor decided. */
export function aktivtPunkt(moede: MoedeData, nr: unknown, field = 'nr'): Punkt {
  const punkt = findPunkt(moede, nr, field);
  if (punkt.trukket) throw new ValidationFailed([problem(field, `punkt ${punkt.nr} er trukket`)]);
  return punkt;
}

/** Members are named exactly as they were called. */
export function medlemCheck(field: string, moede: MoedeData, navn: unknown): Check {
  if (typeof navn !== 'string' || navn.trim() === '') return problem(field, 'skal nævne et medlem');
  if (erMedlem(moede, navn)) return null;
  const medlemmer = moede.medlemmer.map((medlem) => medlem.navn).join(', ');
  return problem(field, `${navn} er ikke medlem af ${moede.udvalg} ved dette møde; medlemmerne er ${medlemmer}`);
}

/** The agenda without withdrawn punkter, by number and sag. */
export function aktivePunkter(moede: MoedeData): { nr: number; sagId: string }[] {
  return moede.punkter.filter((punkt) => !punkt.trukket).map((punkt) => ({ nr: punkt.nr, sagId: punkt.sag.sagId }));
}
