import type { PendingBlob } from '@sagsgang/blob-store';
import { OpretSag, SagCommand } from '@sagsgang/sag';
import { CommandContext } from '../commands/command-context';
import { PlainCommand } from '../commands/plain-command';

/**
 * A sag command as a controller builds it. OpretSag comes without its
 * sagsnummer, which the handler allocates once the command is accepted, and
 * names the workflow whose newest version the sag is created under.
 */
export type SagCommandData =
  PlainCommand<Exclude<SagCommand, OpretSag>> | { type: 'OpretSag'; data: Omit<OpretSag['data'], 'sagsnummer'> & { workflow: string } };

/** A bilag's bytes as they travel with the command: in memory (base64 in JSON), or already received into a temporary file. */
export type BilagIndhold = Buffer | PendingBlob;

/** What crosses the CommandBus: the command, the request's context, and a bilag's bytes, stored only once the command is accepted. */
export class SagCommandMessage {
  constructor(
    readonly command: SagCommandData,
    readonly context: CommandContext,
    readonly bilag?: BilagIndhold,
  ) {}
}
