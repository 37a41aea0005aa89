import { Forbidden, IllegalTransition, NotFound, Role } from '@sagsgang/kernel';
import { SAG_COMMAND_TYPES, SagCommandType } from '../commands';
import { SagStatus } from '../state';
import { WorkflowDefinition } from './definition';

/**
 * The one place a command is checked against the workflow. The role comes
 * first so a role that may never issue the command is told so (403) whatever
 * the sag's state. A command against a sag that does not exist is a 404, not a
 * conflict.
 */
export function authorize(workflow: WorkflowDefinition, status: SagStatus, command: SagCommandType, role: Role, sagId: string): void {
  const rule = workflow.commands[command];
  if (!rule.roles.includes(role)) throw new Forbidden(role, command);
  if (status === 'ny' && command !== 'OpretSag') throw new NotFound('sag', sagId);
  if (!rule.from.includes(status)) throw new IllegalTransition(status, command, allowedCommands(workflow, status));
}

/** The commands some role may issue in this state, sorted. */
export function allowedCommands(workflow: WorkflowDefinition, status: SagStatus): SagCommandType[] {
  return SAG_COMMAND_TYPES.filter((command) => {
    const rule = workflow.commands[command];
    return rule.from.includes(status) && rule.roles.length > 0;
  }).sort();
}

/** The commands this role may issue in this state, sorted: what a client can offer its user. */
export function availableCommands(workflow: WorkflowDefinition, status: SagStatus, role: Role): SagCommandType[] {
  return allowedCommands(workflow, status).filter((command) => workflow.commands[command].roles.includes(role));
}
