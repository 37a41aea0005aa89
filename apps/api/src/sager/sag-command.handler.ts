import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { BLOB_STORE, BlobStore } from '@sagsgang/blob-store';
import { EVENT_STORE, EventStore, ExpectedRevisionConflict } from '@sagsgang/event-store';
import { ValidationFailed } from '@sagsgang/kernel';
import { CommandMetadata, decide, foldSag, OpretSag, SagCommand, SagState, sagStreamName, WorkflowRegistry } from '@sagsgang/sag';
import { CommandContext, CommandResult } from '../commands/command-context';
import { CommandRunner, toEventData } from '../commands/command-runner';
import { eventId } from '../commands/event-ids';
import { BilagIndhold, SagCommandData, SagCommandMessage } from './sag-commands';
import { SagsnummerAllocator } from './sagsnummer-allocator';

export interface OpretSagResult extends CommandResult {
  sagsnummer: string;
}

type OpretSagData = Extract<SagCommandData, { type: 'OpretSag' }>['data'];

/** A placeholder that passes the sagsnummer check, for deciding before a number is allocated. */
const UNALLOCATED = '00/1';

/** Adds the metadata to a sag command, loads the sag through its stream adapter, decides and appends. */
@CommandHandler(SagCommandMessage)
export class SagCommandHandler implements ICommandHandler<SagCommandMessage, CommandResult | OpretSagResult> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly workflows: WorkflowRegistry,
    private readonly allocator: SagsnummerAllocator,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  execute({ command, context, bilag }: SagCommandMessage): Promise<CommandResult | OpretSagResult> {
    return command.type === 'OpretSag' ? this.opret(command.data, context) : this.onExisting(command, context, bilag);
  }

  private async onExisting(command: Exclude<SagCommandData, { type: 'OpretSag' }>, context: CommandContext, bilag?: BilagIndhold) {
    const { sagId } = command.data;
    const result = await this.runner.run(sagStreamName(sagId), context, {
      decide: (history) => {
        const sag = foldSag(history);
        return decide({ ...command, metadata: this.metadata(context, sag) } as SagCommand, sag);
      },
      beforeAppend: bilag && (() => this.gem(bilag)),
    });
    return { id: sagId, revision: result.revision, position: result.position };
  }

  /** A bilag's bytes into the store under their sha256: a received file is moved there, bytes in memory written. */
  private async gem(bilag: BilagIndhold): Promise<void> {
    if (Buffer.isBuffer(bilag)) await this.blobs.put(bilag);
    else await bilag.keep();
  }

  /** The workflow a sag is decided under is the version it was created under; a sag with no stream has none. */
  private metadata(context: CommandContext, sag: SagState): CommandMetadata {
    const workflow = sag.status === 'ny' ? null : this.workflows.get(sag.workflow.name, sag.workflow.version);
    return { actor: context.actor, now: context.now, workflow };
  }

  /**
   * Creating a sag allocates its sagsnummer, only once the command is known
   * to be accepted, and appends the number and the sag together (one append
   * to the counter and the sag's stream: SagsnummerAllocator).
   */
  private async opret({ workflow: name, ...data }: OpretSagData, context: CommandContext): Promise<OpretSagResult> {
    const metadata: CommandMetadata = { actor: context.actor, now: context.now, workflow: this.newest(name) };
    const command = (sagsnummer: string): OpretSag => ({ type: 'OpretSag', data: { ...data, sagsnummer }, metadata });
    const stream = sagStreamName(data.sagId);
    // If-Match names a revision the client has seen; a sag not yet created has none, so any is stale (before a number is spent).
    if (context.ifMatch !== undefined) throw new ExpectedRevisionConflict(stream, context.ifMatch, 'no_stream');
    // A retry of a creation that landed answers as the first time, without queueing for a number.
    const earlier = context.idempotencyKey ? await this.earlierCreation(data.sagId, context) : undefined;
    if (earlier) return earlier;
    // Decided once before allocating, so a refused sag never consumes a sagsnummer.
    decide(command(UNALLOCATED), foldSag([]));
    const events = (sagsnummer: string) => toEventData(context, stream, decide(command(sagsnummer), foldSag([])));
    try {
      const created = await this.allocator.allocate({ sagId: data.sagId, streamName: stream, context, events });
      return { id: data.sagId, ...created };
    } catch (error) {
      // The sag's stream exists after all: the decider says what that means for a creation.
      if (error instanceof ExpectedRevisionConflict && error.streamName === stream)
        decide(command(UNALLOCATED), foldSag(await this.store.readStream(stream)));
      throw error;
    }
  }

  /** The sag this idempotency key created, if its SagOprettet is in the log. */
  private async earlierCreation(sagId: string, context: CommandContext): Promise<OpretSagResult | undefined> {
    const stream = sagStreamName(sagId);
    const [created] = await this.store.readStream(stream, { maxCount: 1 });
    if (created?.id !== eventId(context, stream, 0)) return undefined;
    return { id: sagId, sagsnummer: String(created.data.sagsnummer), revision: created.revision, position: created.position };
  }

  private newest(name: string) {
    if (!this.workflows.all().some((definition) => definition.name === name)) {
      const names = [...new Set(this.workflows.all().map((definition) => definition.name))];
      throw new ValidationFailed([
        { field: 'workflow', reason: `der findes ingen workflow ved navn "${name}"; de kendte er ${names.join(', ')}` },
      ]);
    }
    return this.workflows.latest(name);
  }
}
