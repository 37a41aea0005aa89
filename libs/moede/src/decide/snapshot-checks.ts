import { isUdfald, isRouting, isSagstype, SAG_STATUSES, SAGSTYPER } from '@sagsgang/sag';
import { Check, nonEmptyText, problem, textList } from '@sagsgang/kernel';

/**
 * The sag snapshot comes from the app, not from the sag's stream; a malformed
 * one would end up in the referat and in the rules for a beslutning, so its
 * shape is checked like any other input.
 */
export function snapshotChecks(sag: unknown): Check {
  if (typeof sag !== 'object' || sag === null) return problem('sag', 'skal være et øjebliksbillede af en sag (se sagSnapshot)');
  const s = sag as Record<string, unknown>;
  return [
    ...(['sagId', 'sagsnummer', 'titel', 'journalnummer'] as const).map((field) => nonEmptyText(`sag.${field}`, s[field])),
    isSagstype(s.sagstype) ? null : problem('sag.sagstype', `skal være en af ${SAGSTYPER.join(', ')}`),
    (SAG_STATUSES as readonly unknown[]).includes(s.status) ? null : problem('sag.status', 'skal være en sagsstatus'),
    typeof s.harIndstilling === 'boolean' ? null : problem('sag.harIndstilling', 'skal være true eller false'),
    textList('sag.sagsgang', s.sagsgang, 'udvalg'),
    trinCheck(s.trin, s.sagsgang),
    workflowCheck(s.workflow),
    udfaldCheck(s.udfald),
  ].flatMap((check) => check ?? []);
}

function trinCheck(trin: unknown, sagsgang: unknown): Check {
  const length = Array.isArray(sagsgang) ? sagsgang.length : 0;
  return Number.isInteger(trin) && (trin as number) >= 0 && (trin as number) < length
    ? null
    : problem('sag.trin', 'skal være indekset for et udvalg i sagsgangen');
}

function workflowCheck(workflow: unknown): Check {
  const ref = (workflow ?? {}) as { name?: unknown; version?: unknown };
  return typeof ref.name === 'string' && ref.name !== '' && Number.isInteger(ref.version)
    ? null
    : problem('sag.workflow', 'skal være { name, version } for sagens workflow');
}

function udfaldCheck(udfald: unknown): Check {
  if (typeof udfald !== 'object' || udfald === null || Object.keys(udfald).length === 0) {
    return problem('sag.udfald', 'skal give mindst ét udfald med dets routing');
  }
  return Object.entries(udfald).flatMap(([udfald, routing]) =>
    isUdfald(udfald) && isRouting(routing)
      ? []
      : [problem(`sag.udfald.${udfald}`, `"${String(routing)}" er ikke et udfald med en routing`)],
  );
}
