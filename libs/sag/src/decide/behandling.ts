import { assertNever, Check, matching, nonEmptyText, optionalText, positiveInteger, problem, validate } from '@sagsgang/kernel';
import { RegistrerBeslutning, SaetPaaDagsorden, TraekFraDagsorden } from '../commands';
import { Behandlingsdata, SagEvent, SagSatPaaDagsorden, SagTrukketFraDagsorden } from '../events';
import { tilladteUdfald, udfaldCheck } from '../kompetence';
import { aktueltUdvalg, SagIn } from '../state';
import { WorkflowDefinition } from '../workflow/definition';

/** Decisions the meeting side asks for, through the process manager (sag-opfoelgning). */

export function saetPaaDagsorden({ data, metadata }: SaetPaaDagsorden, sag: SagIn<'indstillet'>): SagSatPaaDagsorden[] {
  const venter = aktueltUdvalg(sag);
  validate(
    nonEmptyText('moedeId', data.moedeId),
    data.udvalg === venter ? null : problem('udvalg', `sagen afventer en dagsorden for ${venter}, ikke for ${data.udvalg}`),
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
 * Records one udvalg's treatment. The workflow's routing for the udfald says
 * where the sag goes; which udfald the udvalg may record is the kompetence
 * rule (udfaldCheck), shared with the meeting's decider.
 */
export function registrerBeslutning(
  { data, metadata }: RegistrerBeslutning,
  sag: SagIn<'paa_dagsorden'>,
  workflow: WorkflowDefinition,
): SagEvent[] {
  validate(
    sameMoede(data.moedeId, sag),
    data.udvalg === sag.dagsorden.udvalg
      ? null
      : problem('udvalg', `sagen er på en dagsorden for ${sag.dagsorden.udvalg}, ikke for ${data.udvalg}`),
    matching('moedeDato', data.moedeDato, /^\d{4}-\d{2}-\d{2}(T.*)?$/, 'skal være en dato, fx 2019-12-16'),
    udfaldCheck('udfald', data.udfald, { ...sag, tilladte: tilladteUdfald(workflow, sag.sagstype) }),
    nonEmptyText('beslutningstekst', data.beslutningstekst),
  );
  const { sagId, udvalg, moedeId, moedeDato, udfald, beslutningstekst } = data;
  const behandling: Behandlingsdata = { sagId, udvalg, moedeId, moedeDato, udfald, beslutningstekst, tidspunkt: metadata.now };
  const routing = workflow.routing[udfald];
  switch (routing) {
    case 'naeste_udvalg':
      return [{ type: 'SagOversendt', data: { ...behandling, tilUdvalg: sag.sagsgang[sag.trin + 1] } }];
    case 'samme_udvalg':
      return [{ type: 'SagUdsat', data: behandling }];
    case 'administration':
      return [{ type: 'SagTilbagesendt', data: behandling }];
    case 'afgjort':
      return [{ type: 'SagAfgjort', data: behandling }];
    case undefined:
      throw new Error(`workflow ${workflow.name} version ${workflow.version} has no routing for udfald ${udfald}`);
    default:
      return assertNever(routing);
  }
}

function sameMoede(moedeId: string, sag: SagIn<'paa_dagsorden'>): Check {
  const { dagsorden } = sag;
  return moedeId === dagsorden.moedeId
    ? null
    : problem('moedeId', `sagen er på dagsordenen for møde ${dagsorden.moedeId} (${dagsorden.udvalg}), ikke for ${moedeId}`);
}
