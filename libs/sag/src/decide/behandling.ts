import {
  assertNever,
  Check,
  matching,
  nonEmptyText,
  optionalText,
  positiveInteger,
  problem,
  validate,
  ValidationFailed,
} from '@sagsgang/kernel';
import { RegistrerBeslutning, SaetPaaDagsorden, TraekFraDagsorden } from '../commands';
import { Behandlingsdata, SagEvent, SagSatPaaDagsorden, SagTrukketFraDagsorden } from '../events';
import { isOutcome, Outcome, OUTCOMES } from '../outcome';
import { aktueltUdvalg, harKompetence, SagIn } from '../state';
import { WorkflowDefinition } from '../workflow/definition';

/** Decisions the meeting side (issue 4's process manager) asks for. */

export function saetPaaDagsorden({ data, metadata }: SaetPaaDagsorden, sag: SagIn<'indstillet'>): SagSatPaaDagsorden[] {
  const venter = aktueltUdvalg(sag);
  validate(
    nonEmptyText('moedeId', data.moedeId),
    data.udvalg === venter ? null : problem('udvalg', `the sag awaits an agenda of ${venter}, not ${data.udvalg}`),
    positiveInteger('punktnummer', data.punktnummer),
  );
  const { sagId, moedeId, udvalg, punktnummer } = data;
  return [{ type: 'SagSatPaaDagsorden', data: { sagId, moedeId, udvalg, punktnummer, tidspunkt: metadata.now } }];
}

export function traekFraDagsorden({ data, metadata }: TraekFraDagsorden, sag: SagIn<'paa_dagsorden'>): SagTrukketFraDagsorden[] {
  validate(sameMoede(data.moedeId, sag), optionalText('begrundelse', data.begrundelse));
  const { sagId, moedeId, begrundelse } = data;
  const udvalg = sag.dagsorden.udvalg;
  return [{ type: 'SagTrukketFraDagsorden', data: { sagId, moedeId, udvalg, begrundelse, tidspunkt: metadata.now } }];
}

/**
 * Records one udvalg's treatment. The workflow's routing for the outcome says
 * where the sag goes; only the last udvalg holds kompetence, so only it may
 * decide, and it has no next udvalg to recommend to.
 */
export function registrerBeslutning(
  { data, metadata }: RegistrerBeslutning,
  sag: SagIn<'paa_dagsorden'>,
  workflow: WorkflowDefinition,
): SagEvent[] {
  const allowed = workflow.outcomes[sag.sagstype];
  validate(
    sameMoede(data.moedeId, sag),
    data.udvalg === sag.dagsorden.udvalg
      ? null
      : problem('udvalg', `the sag is on an agenda of ${sag.dagsorden.udvalg}, not ${data.udvalg}`),
    matching('moedeDato', data.moedeDato, /^\d{4}-\d{2}-\d{2}(T.*)?$/, 'must be an ISO date, e.g. 2019-12-16'),
    outcomeCheck(data.outcome, allowed, sag.sagstype),
    nonEmptyText('beslutningstekst', data.beslutningstekst),
  );
  const { sagId, udvalg, moedeId, moedeDato, outcome, beslutningstekst } = data;
  const behandling: Behandlingsdata = { sagId, udvalg, moedeId, moedeDato, outcome, beslutningstekst, tidspunkt: metadata.now };
  const routing = workflow.routing[outcome];
  switch (routing) {
    case 'naeste_udvalg':
      if (harKompetence(sag))
        throw outcomeProblem(`${udvalg} is the last udvalg in the sagsgang; there is no next udvalg to send the sag on to`);
      return [{ type: 'SagOversendt', data: { ...behandling, tilUdvalg: sag.sagsgang[sag.trin + 1] } }];
    case 'samme_udvalg':
      return [{ type: 'SagUdsat', data: behandling }];
    case 'administration':
      return [{ type: 'SagTilbagesendt', data: behandling }];
    case 'afgjort':
      if (!harKompetence(sag)) throw outcomeProblem(withoutKompetence(sag, allowed, workflow));
      return [{ type: 'SagAfgjort', data: behandling }];
    case undefined:
      throw new Error(`workflow ${workflow.name} version ${workflow.version} has no routing for outcome ${outcome}`);
    default:
      return assertNever(routing);
  }
}

function sameMoede(moedeId: string, sag: SagIn<'paa_dagsorden'>): Check {
  const { dagsorden } = sag;
  return moedeId === dagsorden.moedeId
    ? null
    : problem('moedeId', `the sag is on the agenda of møde ${dagsorden.moedeId} (${dagsorden.udvalg}), not ${moedeId}`);
}

function outcomeCheck(outcome: unknown, allowed: readonly Outcome[], sagstype: string): Check {
  if (!isOutcome(outcome)) return problem('outcome', `"${String(outcome)}" is not an outcome; known: ${OUTCOMES.join(', ')}`);
  if (allowed.includes(outcome)) return null;
  return problem('outcome', `"${outcome}" is not an outcome for sagstype ${sagstype}; allowed: ${allowed.join(', ')}`);
}

function withoutKompetence(sag: SagIn<'paa_dagsorden'>, allowed: readonly Outcome[], workflow: WorkflowDefinition): string {
  const kompetence = sag.sagsgang.at(-1);
  const open = allowed.filter((outcome) => workflow.routing[outcome] !== 'afgjort');
  return `${sag.dagsorden.udvalg} does not hold kompetence in this sag (${kompetence} does); it may record ${open.join(', ')}`;
}

function outcomeProblem(reason: string): ValidationFailed {
  return new ValidationFailed([problem('outcome', reason)]);
}
