import { AfslutSag, GenoptagSag, HenlaegSag } from '../commands';
import { SagAfsluttet, SagGenoptaget, SagHenlagt } from '../events';
import { ExistingSag } from '../state';
import { nonEmptyText, validate } from '@sagsgang/kernel';

/** Decisions that shelve, close and reopen a sag. */

export function henlaegSag({ data, metadata }: HenlaegSag): SagHenlagt[] {
  validate(nonEmptyText('begrundelse', data.begrundelse));
  return [{ type: 'SagHenlagt', data: { sagId: data.sagId, begrundelse: data.begrundelse, tidspunkt: metadata.now } }];
}

export function afslutSag({ data, metadata }: AfslutSag): SagAfsluttet[] {
  return [{ type: 'SagAfsluttet', data: { sagId: data.sagId, tidspunkt: metadata.now } }];
}

/**
 * A reopened sag goes back to the administration. A shelved sag resumes at the
 * udvalg it had reached; a closed sag was decided, so a new decision means a
 * new round through the whole sagsgang.
 */
export function genoptagSag({ data, metadata }: GenoptagSag, sag: ExistingSag): SagGenoptaget[] {
  validate(nonEmptyText('begrundelse', data.begrundelse));
  const trin = sag.status === 'afsluttet' ? 0 : sag.trin;
  return [{ type: 'SagGenoptaget', data: { sagId: data.sagId, begrundelse: data.begrundelse, trin, tidspunkt: metadata.now } }];
}
