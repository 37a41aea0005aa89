import { CommandMetadata, ExistingSag, SagCommand } from '@sagsgang/sag';
import { CommandContext } from '../commands/command-context';
import { OpretSagDto } from './dto/opret-sag.dto';

/** Any command on an existing sag: the handler loads it, supplies the metadata and decides. */
export class ExecuteSagCommand {
  constructor(
    readonly sagId: string,
    readonly context: CommandContext,
    readonly toCommand: (metadata: CommandMetadata, sag: ExistingSag) => SagCommand,
    readonly beforeAppend?: () => Promise<void>,
  ) {}
}

/** Creating a sag also allocates its sagsnummer. */
export class OpretSagCommand {
  constructor(
    readonly body: OpretSagDto,
    readonly context: CommandContext,
  ) {}
}
