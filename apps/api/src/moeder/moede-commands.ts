import { MoedeCommand, MoedeCommandMetadata } from '@sagsgang/moede';
import { CommandContext } from '../commands/command-context';
import { IndkaldMoedeDto } from './dto/indkald-moede.dto';
import { TilfoejPunktDto } from './dto/punkt.dto';

/**
 * Any command on an existing meeting: the handler loads it, supplies the
 * metadata and decides. The decider itself answers 403, then 404, then 409.
 */
export class ExecuteMoedeCommand {
  constructor(
    readonly moedeId: string,
    readonly context: CommandContext,
    readonly toCommand: (metadata: MoedeCommandMetadata) => MoedeCommand,
  ) {}
}

/** Calling a meeting creates its stream under a new id. */
export class IndkaldMoedeCommand {
  constructor(
    readonly body: IndkaldMoedeDto,
    readonly context: CommandContext,
  ) {}
}

/** A punkt needs the sag's snapshot, read from the sag's own stream. */
export class TilfoejPunktCommand {
  constructor(
    readonly moedeId: string,
    readonly body: TilfoejPunktDto,
    readonly context: CommandContext,
  ) {}
}

/** An approval needs the digest of the referat as the app renders it. */
export class GodkendReferatCommand {
  constructor(
    readonly moedeId: string,
    readonly medlem: string,
    readonly context: CommandContext,
  ) {}
}
