import { isOutcome, isRouting, isSagstype, SAG_STATUSES, SAGSTYPER } from '@sagsgang/sag';
import { Check, nonEmptyText, problem, textList } from '@sagsgang/kernel';

/**
 * The sag snapshot comes from the app, not from the sag's stream; a malformed
 * one would end up in the referat and in the rules for a beslutning, so its
 * shape is checked like any other input.
 */
export function snapshotChecks(sag: unknown): Check {
  if (typeof sag !== 'object' || sag === null) return problem('sag', 'must be the snapshot of a sag (see sagSnapshot)');
  const s = sag as Record<string, unknown>;
  return [
    ...(['sagId', 'sagsnummer', 'titel', 'journalnummer'] as const).map((field) => nonEmptyText(`sag.${field}`, s[field])),
    isSagstype(s.sagstype) ? null : problem('sag.sagstype', `must be one of ${SAGSTYPER.join(', ')}`),
    (SAG_STATUSES as readonly unknown[]).includes(s.status) ? null : problem('sag.status', 'must be a sag status'),
    typeof s.harIndstilling === 'boolean' ? null : problem('sag.harIndstilling', 'must be true or false'),
    textList('sag.sagsgang', s.sagsgang, 'udvalg'),
    trinCheck(s.trin, s.sagsgang),
    workflowCheck(s.workflow),
    outcomesCheck(s.outcomes),
  ].flatMap((check) => check ?? []);
}

function trinCheck(trin: unknown, sagsgang: unknown): Check {
  const length = Array.isArray(sagsgang) ? sagsgang.length : 0;
  return Number.isInteger(trin) && (trin as number) >= 0 && (trin as number) < length
    ? null
    : problem('sag.trin', 'must be the index of an udvalg in sagsgang');
}

function workflowCheck(workflow: unknown): Check {
  const ref = (workflow ?? {}) as { name?: unknown; version?: unknown };
  return typeof ref.name === 'string' && ref.name !== '' && Number.isInteger(ref.version)
    ? null
    : problem('sag.workflow', "must be { name, version } of the sag's workflow");
}

function outcomesCheck(outcomes: unknown): Check {
  if (typeof outcomes !== 'object' || outcomes === null || Object.keys(outcomes).length === 0) {
    return problem('sag.outcomes', 'must map at least one outcome to its routing');
  }
  return Object.entries(outcomes).flatMap(([outcome, routing]) =>
    isOutcome(outcome) && isRouting(routing)
      ? []
      : [problem(`sag.outcomes.${outcome}`, `"${String(routing)}" is not an outcome with a routing`)],
  );
}
