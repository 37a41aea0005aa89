import { Check, problem } from '@sagsgang/kernel';
import { Sagstype } from './sagstype';
import { ALLE_UDFALD, isUdfald, Routing, Udfald } from './udfald';
import { WorkflowDefinition } from './workflow/definition';

/** The udfald a workflow allows for a sagstype, each with where it sends the sag, in the order of ALLE_UDFALD. */
export type TilladteUdfald = Partial<Record<Udfald, Routing>>;

export function tilladteUdfald(workflow: WorkflowDefinition, sagstype: Sagstype): TilladteUdfald {
  const allowed = workflow.udfald[sagstype];
  return Object.fromEntries(
    ALLE_UDFALD.filter((udfald) => allowed.includes(udfald)).flatMap((udfald) => {
      const routing = workflow.routing[udfald];
      return routing ? [[udfald, routing]] : [];
    }),
  );
}

/** What the rule needs to know of a sag before an udvalg. */
export interface Behandlingssted {
  sagsnummer: string;
  sagstype: Sagstype;
  /** Udvalg in order; the last holds kompetence. */
  sagsgang: readonly string[];
  /** Index into sagsgang of the udvalg treating the sag. */
  trin: number;
  tilladte: TilladteUdfald;
}

/**
 * The legal rule for an udvalg's udfald, for both the sag's and the
 * meeting's decider: the udfald must be one the sag's workflow allows for its
 * sagstype; only the udvalg with kompetence (the last in the sagsgang) may
 * decide, and it has no next udvalg to send the sag on to.
 */
export function udfaldCheck(field: string, udfald: unknown, sag: Behandlingssted): Check {
  const udvalg = sag.sagsgang[sag.trin];
  const kompetence = sag.sagsgang.at(-1);
  const allowed = ALLE_UDFALD.filter((candidate) => sag.tilladte[candidate] !== undefined);
  if (!isUdfald(udfald)) return problem(field, `"${String(udfald)}" er ikke et udfald; de kendte er ${ALLE_UDFALD.join(', ')}`);
  const routing = sag.tilladte[udfald];
  if (routing === undefined) {
    return problem(field, `"${udfald}" er ikke et udfald for sagstypen ${sag.sagstype}; tilladt: ${allowed.join(', ')}`);
  }
  if (routing === 'naeste_udvalg' && udvalg === kompetence) {
    return problem(field, `${udvalg} har kompetencen i sag ${sag.sagsnummer}; der er intet næste udvalg at sende sagen videre til`);
  }
  if (routing === 'afgjort' && udvalg !== kompetence) {
    const open = allowed.filter((candidate) => sag.tilladte[candidate] !== 'afgjort');
    return problem(
      field,
      `${udvalg} har ikke kompetencen i sag ${sag.sagsnummer} (det har ${kompetence}); udvalget kan registrere ${open.join(', ')}`,
    );
  }
  return null;
}
