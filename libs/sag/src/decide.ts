import { assertNever, NotFound } from '@sagsgang/kernel';
import { SagCommand } from './commands';
import { afslutSag, genoptagSag, henlaegSag } from './decide/livsforloeb';
import { registrerBeslutning, saetPaaDagsorden, traekFraDagsorden } from './decide/behandling';
import {
  beskrivAnledning,
  givIndstilling,
  opretSag,
  reviderIndstilling,
  skrivSagsfremstilling,
  vedhaeftBilag,
} from './decide/udarbejdelse';
import { SagEvent } from './events';
import { inStatus, SagIn, SagState } from './state';
import { COMMAND_SCOPE, WorkflowDefinition } from './workflow/definition';
import { authorize } from './workflow/guard';

/**
 * Decides what happens when a command meets a sag: first the workflow (role,
 * state), then the command's own rules. Pure: everything it needs is in the
 * command and the state.
 */
export function decide(given: SagCommand, state: SagState): SagEvent[] {
  const command = indstillingGivetEllerRevideret(given, state);
  const { workflow, actor } = command.metadata;
  // No stream, no workflow: nothing to authorize against, and nothing to act on.
  if (workflow === null) throw new NotFound('sag', command.data.sagId);
  assertRecordedWorkflow(workflow, state);
  authorize(workflow, state.status, command.type, actor.role, command.data.sagId);
  switch (command.type) {
    case 'OpretSag':
      return opretSag(command, workflow);
    case 'BeskrivAnledning':
      return beskrivAnledning(command);
    case 'SkrivSagsfremstilling':
      return skrivSagsfremstilling(command, scoped(state, command.type));
    case 'VedhaeftBilag':
      return vedhaeftBilag(command, scoped(state, command.type));
    case 'GivIndstilling':
      return givIndstilling(command, scoped(state, command.type));
    case 'ReviderIndstilling':
      return reviderIndstilling(command, scoped(state, command.type));
    case 'HenlaegSag':
      return henlaegSag(command);
    case 'AfslutSag':
      return afslutSag(command);
    case 'GenoptagSag':
      return genoptagSag(command, scoped(state, command.type));
    case 'SaetPaaDagsorden':
      return saetPaaDagsorden(command, scoped(state, command.type));
    case 'TraekFraDagsorden':
      return traekFraDagsorden(command, scoped(state, command.type));
    case 'RegistrerBeslutning':
      return registrerBeslutning(command, scoped(state, command.type), workflow);
    default:
      return assertNever(command);
  }
}

/**
 * A caseworker gives the sag its indstilling, whether or not one is already
 * given: on a sag that awaits its agenda with an indstilling, GivIndstilling
 * revises it, under ReviderIndstilling's rule.
 */
function indstillingGivetEllerRevideret(command: SagCommand, state: SagState): SagCommand {
  return command.type === 'GivIndstilling' && state.status === 'indstillet' ? { ...command, type: 'ReviderIndstilling' } : command;
}

type Scope = typeof COMMAND_SCOPE;

/** The state narrowed to where the command has a meaning; the guard has already ensured it. */
function scoped<C extends keyof Scope>(state: SagState, command: C): SagIn<Scope[C]['possibleFrom'][number]> {
  return inStatus<Scope[C]['possibleFrom'][number]>(state, COMMAND_SCOPE[command].possibleFrom, command);
}

/**
 * A sag is decided against the workflow version it was created under. The app
 * looks that version up; getting another one here is a bug in the app, and
 * going on would silently apply today's rules to yesterday's sag.
 */
function assertRecordedWorkflow(workflow: WorkflowDefinition, state: SagState): void {
  if (state.status === 'ny') return;
  const recorded = state.workflow;
  if (workflow.name === recorded.name && workflow.version === recorded.version) return;
  throw new Error(
    `sag ${state.id} follows workflow ${recorded.name} version ${recorded.version}, ` +
      `but decide was given ${workflow.name} version ${workflow.version}`,
  );
}
