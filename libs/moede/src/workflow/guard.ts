import { Forbidden, IllegalTransition, NotFound, Role } from '@sagsgang/kernel';
import { MOEDE_COMMAND_TYPES, MoedeCommandType } from '../commands';
import { MoedeStatus } from '../state';
import { MOEDE_WORKFLOW, MoedeCommandRule } from './regler';

const rule = (command: MoedeCommandType): MoedeCommandRule => MOEDE_WORKFLOW[command];

/**
 * The one place a command is checked against the workflow. The role comes
 * first so a role that may never issue the command is told so (403) whatever
 * the meeting's state. A command against a meeting that does not exist is a
 * 404, not a conflict.
 */
export function authorize(status: MoedeStatus, command: MoedeCommandType, role: Role, moedeId: string): void {
  if (!rule(command).roles.includes(role)) throw new Forbidden(role, command);
  if (status === 'ny' && command !== 'IndkaldMoede') throw new NotFound('møde', moedeId);
  if (!rule(command).from.includes(status)) throw new IllegalTransition(status, command, allowedCommands(status));
}

/** The commands some role may issue in this status, sorted. */
export function allowedCommands(status: MoedeStatus): MoedeCommandType[] {
  return MOEDE_COMMAND_TYPES.filter((command) => rule(command).from.includes(status) && rule(command).roles.length > 0).sort();
}

/** The commands this role may issue in this status, sorted: what a client can offer its user. */
export function availableCommands(status: MoedeStatus, role: Role): MoedeCommandType[] {
  return allowedCommands(status).filter((command) => rule(command).roles.includes(role));
}
