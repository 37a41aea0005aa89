import { assertNever } from '@sagsgang/kernel';
import { MoedeCommand, MoedeCommandType } from './commands';
import { registrerBeslutning, tilfoejProtokoltilfoersel } from './decide/beslutning';
import { fjernPunkt, flytPunkt, markerPunkt, tilfoejPunkt, udsendDagsorden } from './decide/dagsorden';
import { aabnMoede, aflysMoede, haevMoede, indkaldMoede } from './decide/forloeb';
import { erklaerInhabilitet, registrerAfgang, registrerFravaer } from './decide/fremmoede';
import { godkendReferat, offentliggoerReferat } from './decide/referat';
import { MoedeEvent } from './events';
import { inStatus, MoedeIn, MoedeState } from './state';
import { authorize } from './workflow/guard';
import { MOEDE_WORKFLOW } from './workflow/regler';

/**
 * Decides what happens when a command meets a meeting: first the workflow
 * (role, status), then the command's own rules. Pure: everything it needs is
 * in the command and the state.
 */
export function decide(command: MoedeCommand, state: MoedeState): MoedeEvent[] {
  authorize(state.status, command.type, command.metadata.actor.role, command.data.moedeId);
  assertSameMoede(command, state);
  switch (command.type) {
    case 'IndkaldMoede':
      return indkaldMoede(command);
    case 'AflysMoede':
      return aflysMoede(command, scoped(state, command.type));
    case 'TilfoejPunkt':
      return tilfoejPunkt(command, scoped(state, command.type));
    case 'FlytPunkt':
      return flytPunkt(command, scoped(state, command.type));
    case 'FjernPunkt':
      return fjernPunkt(command, scoped(state, command.type));
    case 'MarkerPunkt':
      return markerPunkt(command, scoped(state, command.type));
    case 'UdsendDagsorden':
      return udsendDagsorden(command, scoped(state, command.type));
    case 'AabnMoede':
      return aabnMoede(command);
    case 'RegistrerFravaer':
      return registrerFravaer(command, scoped(state, command.type));
    case 'RegistrerAfgang':
      return registrerAfgang(command, scoped(state, command.type));
    case 'ErklaerInhabilitet':
      return erklaerInhabilitet(command, scoped(state, command.type));
    case 'RegistrerBeslutning':
      return registrerBeslutning(command, scoped(state, command.type));
    case 'TilfoejProtokoltilfoersel':
      return tilfoejProtokoltilfoersel(command, scoped(state, command.type));
    case 'HaevMoede':
      return haevMoede(command, scoped(state, command.type));
    case 'GodkendReferat':
      return godkendReferat(command, scoped(state, command.type));
    case 'OffentliggoerReferat':
      return offentliggoerReferat(command);
    default:
      return assertNever(command);
  }
}

type Rules = typeof MOEDE_WORKFLOW;

/** The state narrowed to where the command is allowed; the guard has already ensured it. */
function scoped<C extends MoedeCommandType>(state: MoedeState, command: C): MoedeIn<Rules[C]['from'][number]> {
  return inStatus<Rules[C]['from'][number]>(state, MOEDE_WORKFLOW[command].from, command);
}

/** The app loads the stream named by the command's moedeId; anything else is a bug in the app. */
function assertSameMoede(command: MoedeCommand, state: MoedeState): void {
  if (state.status === 'ny' || state.id === command.data.moedeId) return;
  throw new Error(`${command.type} for møde ${command.data.moedeId} was decided against the stream of møde ${state.id}`);
}
