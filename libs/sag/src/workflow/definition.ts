import { Role } from '@sagsgang/kernel';
import { SagCommandType } from '../commands';
import { Udfald, Routing } from '../udfald';
import { Sagstype } from '../sagstype';
import { SagStatus } from '../state';

/** Who may issue a command, and in which states. */
export interface CommandRule {
  from: readonly SagStatus[];
  roles: readonly Role[];
}

/**
 * A workflow is data: which commands are allowed in which states and for which
 * roles, the udfald each sagstype allows, and where each udfald sends the
 * sag. A sag records the name and version it was created under and is always
 * decided against that version, so publishing a new version never rewrites
 * history.
 */
export interface WorkflowDefinition {
  name: string;
  version: number;
  description?: string;
  states: readonly SagStatus[];
  /** Every command has a rule; an empty `from` or `roles` disables it. */
  commands: Readonly<Record<SagCommandType, CommandRule>>;
  udfald: Readonly<Record<Sagstype, readonly Udfald[]>>;
  routing: Readonly<Partial<Record<Udfald, Routing>>>;
}

/**
 * What the code can make of each command, whatever the workflow says: the
 * states it has a meaning in, and the states it can lead to. A workflow may
 * allow a command in fewer states, never in more; RegistrerBeslutning's
 * targets follow from the routing instead.
 */
export const COMMAND_SCOPE = {
  OpretSag: { possibleFrom: ['ny'], leadsTo: ['under_udarbejdelse'] },
  BeskrivAnledning: { possibleFrom: ['under_udarbejdelse', 'indstillet', 'paa_dagsorden'], leadsTo: [] },
  SkrivSagsfremstilling: { possibleFrom: ['under_udarbejdelse', 'indstillet', 'paa_dagsorden'], leadsTo: [] },
  VedhaeftBilag: { possibleFrom: ['under_udarbejdelse', 'indstillet', 'paa_dagsorden'], leadsTo: [] },
  GivIndstilling: { possibleFrom: ['under_udarbejdelse'], leadsTo: ['indstillet'] },
  ReviderIndstilling: { possibleFrom: ['indstillet', 'paa_dagsorden'], leadsTo: [] },
  HenlaegSag: { possibleFrom: ['under_udarbejdelse', 'indstillet'], leadsTo: ['henlagt'] },
  AfslutSag: { possibleFrom: ['afgjort'], leadsTo: ['afsluttet'] },
  GenoptagSag: { possibleFrom: ['henlagt', 'afsluttet'], leadsTo: ['under_udarbejdelse'] },
  SaetPaaDagsorden: { possibleFrom: ['indstillet'], leadsTo: ['paa_dagsorden'] },
  TraekFraDagsorden: { possibleFrom: ['paa_dagsorden'], leadsTo: ['indstillet'] },
  RegistrerBeslutning: { possibleFrom: ['paa_dagsorden'], leadsTo: [] },
} as const satisfies Record<SagCommandType, { possibleFrom: readonly SagStatus[]; leadsTo: readonly SagStatus[] }>;

export const ROUTING_TARGET: Readonly<Record<Routing, SagStatus>> = {
  naeste_udvalg: 'indstillet',
  samme_udvalg: 'indstillet',
  administration: 'under_udarbejdelse',
  afgjort: 'afgjort',
};
