import { GodkendReferat, MoedeCommand, TilfoejPunkt } from '@sagsgang/moede';
import { CommandContext } from '../commands/command-context';
import { PlainCommand } from '../commands/plain-command';

/**
 * A meeting command as a controller builds it. Two commands need facts the
 * handler reads before deciding: TilfoejPunkt the sag's snapshot (from the
 * sag's own stream), GodkendReferat the digest of the referat as rendered now.
 */
export type MoedeCommandData =
  | PlainCommand<Exclude<MoedeCommand, TilfoejPunkt | GodkendReferat>>
  | { type: 'TilfoejPunkt'; data: Omit<TilfoejPunkt['data'], 'sag'> }
  | { type: 'GodkendReferat'; data: Omit<GodkendReferat['data'], 'referatSha256'> };

/** What crosses the CommandBus: the command and the request's context. */
export class MoedeCommandMessage {
  constructor(
    readonly command: MoedeCommandData,
    readonly context: CommandContext,
  ) {}
}
