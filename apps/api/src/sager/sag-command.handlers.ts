import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore, ExpectedRevisionConflict, RecordedEvent } from '@sagsgang/event-store';
import { fold, NotFound, ValidationFailed } from '@sagsgang/kernel';
import { CommandMetadata, decide, ExistingSag, OpretSag, sagDecider, sagStreamName, WorkflowRegistry } from '@sagsgang/sag';
import { CommandContext, CommandResult } from '../commands/command-context';
import { CommandRunner } from '../commands/command-runner';
import { eventId, newAggregateId } from '../commands/event-ids';
import { ExecuteSagCommand, OpretSagCommand } from './sag-commands';
import { toSagEvent } from '@sagsgang/read-models';
import { SagsnummerAllocator } from './sagsnummer-allocator';

/** The sag as the decider sees it, folded from its stream. */
export function foldSag(history: RecordedEvent[]) {
  return fold(sagDecider, history.map(toSagEvent));
}

@CommandHandler(ExecuteSagCommand)
export class ExecuteSagCommandHandler implements ICommandHandler<ExecuteSagCommand, CommandResult> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly workflows: WorkflowRegistry,
  ) {}

  async execute({ sagId, context, toCommand, beforeAppend }: ExecuteSagCommand): Promise<CommandResult> {
    const result = await this.runner.run(sagStreamName(sagId), context, {
      decide: (history) => {
        if (history.length === 0) throw new NotFound('sag', sagId);
        const state = foldSag(history) as ExistingSag;
        const workflow = this.workflows.get(state.workflow.name, state.workflow.version);
        return decide(toCommand({ actor: context.actor, now: context.now, workflow }, state), state);
      },
      beforeAppend,
    });
    return { id: sagId, revision: result.revision, position: result.position };
  }
}

export interface OpretSagResult extends CommandResult {
  sagsnummer: string;
}

/** A placeholder that passes the sagsnummer check, for deciding before a number is allocated. */
const UNALLOCATED = '00/1';

@CommandHandler(OpretSagCommand)
export class OpretSagCommandHandler implements ICommandHandler<OpretSagCommand, OpretSagResult> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly workflows: WorkflowRegistry,
    private readonly allocator: SagsnummerAllocator,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ body, context }: OpretSagCommand): Promise<OpretSagResult> {
    const sagId = newAggregateId(context, 'sag');
    const metadata: CommandMetadata = { actor: context.actor, now: context.now, workflow: this.workflowFor(body) };
    const command = (sagsnummer: string): OpretSag => ({
      type: 'OpretSag',
      data: { sagId, sagsnummer, ...fields(body) },
      metadata,
    });
    // If-Match names a revision the client has seen; a sag not yet created has none, so any is stale (as the runner would say, but before a number is spent).
    if (context.ifMatch !== undefined) throw new ExpectedRevisionConflict(sagStreamName(sagId), context.ifMatch, 'no_stream');
    // A retry of a creation that landed answers as the first time, without queueing for a number.
    const earlier = context.idempotencyKey ? await this.earlierCreation(sagId, context) : undefined;
    if (earlier) return earlier;
    // Decide once before allocating, so a refused sag never consumes a sagsnummer.
    decide(command(UNALLOCATED), sagDecider.initialState);
    const sagsnummer = await this.allocator.allocate(sagId, context);
    const result = await this.runner.run(sagStreamName(sagId), context, {
      decide: (history) => decide(command(sagsnummer), foldSag(history)),
    });
    return { id: sagId, sagsnummer, revision: result.revision, position: result.position };
  }

  /** The sag this idempotency key created, if its SagOprettet is in the log. */
  private async earlierCreation(sagId: string, context: CommandContext): Promise<OpretSagResult | undefined> {
    const stream = sagStreamName(sagId);
    const [created] = await this.store.readStream(stream, { maxCount: 1 });
    if (created?.id !== eventId(context, stream, 0)) return undefined;
    return { id: sagId, sagsnummer: String(created.data.sagsnummer), revision: created.revision, position: created.position };
  }

  private workflowFor(body: OpretSagCommand['body']) {
    const name = body.workflow ?? 'politisk';
    if (!this.workflows.all().some((definition) => definition.name === name)) {
      throw new ValidationFailed([{ field: 'workflow', reason: `no workflow named "${name}"` }]);
    }
    return this.workflows.latest(name);
  }
}

function fields({ titel, journalnummer, sagstype, sagsgang, ansvarligEnhed }: OpretSagCommand['body']) {
  return { titel, journalnummer, sagstype, sagsgang, ansvarligEnhed };
}
