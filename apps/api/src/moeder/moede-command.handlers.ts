import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@sagsgang/event-store';
import { NotFound } from '@sagsgang/kernel';
import { authorize, decide, IndkaldMoede, moedeStreamName, sagSnapshot } from '@sagsgang/moede';
import { referatSha256, referatTilGodkendelse } from '@sagsgang/referat';
import { sagStreamName, WorkflowRegistry } from '@sagsgang/sag';
import { CommandResult } from '../commands/command-context';
import { CommandRunner } from '../commands/command-runner';
import { newAggregateId } from '../commands/event-ids';
import { foldSag } from '../sager/sag-command.handlers';
import { ExecuteMoedeCommand, GodkendReferatCommand, IndkaldMoedeCommand, TilfoejPunktCommand } from './moede-commands';
import { MoedeDokumenter } from './moede-dokumenter';
import { foldMoede } from '@sagsgang/read-models';

@CommandHandler(ExecuteMoedeCommand)
export class ExecuteMoedeCommandHandler implements ICommandHandler<ExecuteMoedeCommand, CommandResult> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ moedeId, context, toCommand }: ExecuteMoedeCommand): Promise<CommandResult> {
    const result = await this.runner.run(moedeStreamName(moedeId), context, {
      decide: (history) => decide(toCommand({ actor: context.actor, now: context.now }), foldMoede(history)),
    });
    return { id: moedeId, revision: result.revision, position: result.position };
  }
}

@CommandHandler(IndkaldMoedeCommand)
export class IndkaldMoedeCommandHandler implements ICommandHandler<IndkaldMoedeCommand, CommandResult> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ body, context }: IndkaldMoedeCommand): Promise<CommandResult> {
    const moedeId = newAggregateId(context, 'moede');
    const { udvalg, start, sted, sekretaer } = body;
    const command: IndkaldMoede = {
      type: 'IndkaldMoede',
      data: {
        moedeId,
        udvalg,
        start,
        sted,
        sekretaer,
        medlemmer: body.medlemmer.map(({ navn, parti }) => ({ navn, parti: parti ?? null })),
        deltagere: body.deltagere ?? [],
      },
      metadata: { actor: context.actor, now: context.now },
    };
    const result = await this.runner.run(moedeStreamName(moedeId), context, { decide: (history) => decide(command, foldMoede(history)) });
    return { id: moedeId, revision: result.revision, position: result.position };
  }
}

/**
 * Reads the sag from its own stream (not the read model, which may lag) and
 * puts its snapshot, under the sag's own workflow version, on the agenda.
 */
export interface TilfoejPunktResult extends CommandResult {
  nr: number;
}

@CommandHandler(TilfoejPunktCommand)
export class TilfoejPunktCommandHandler implements ICommandHandler<TilfoejPunktCommand, TilfoejPunktResult> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly workflows: WorkflowRegistry,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ moedeId, body, context }: TilfoejPunktCommand): Promise<TilfoejPunktResult> {
    const sag = foldSag(await this.store.readStream(sagStreamName(body.sagId)));
    const snapshot = sag.status === 'ny' ? null : sagSnapshot(sag, this.workflows.get(sag.workflow.name, sag.workflow.version));
    const metadata = { actor: context.actor, now: context.now };
    const result = await this.runner.run(moedeStreamName(moedeId), context, {
      decide: (history) => {
        const moede = foldMoede(history);
        if (!snapshot) {
          // Role, existence and status first, so a refused caller learns nothing about the sag.
          authorize(moede.status, 'TilfoejPunkt', context.actor.role, moedeId);
          throw new NotFound('sag', body.sagId);
        }
        const data = { moedeId, sag: snapshot, lukket: body.lukket ?? false, neutralTitel: body.neutralTitel ?? null };
        return decide({ type: 'TilfoejPunkt', data, metadata }, moede);
      },
    });
    // Read back rather than kept from decide: an idempotent retry does not decide again.
    const [tilfoejet] = await this.store.readStream(moedeStreamName(moedeId), { fromRevision: result.revision, maxCount: 1 });
    return { id: moedeId, nr: tilfoejet.data.nr as number, revision: result.revision, position: result.position };
  }
}

/**
 * The member approves the referat text the app renders now; its sha256 goes
 * into the event. From `haevet` on the content is fixed (see MoedeDokumenter),
 * so every member approves the same digest.
 */
@CommandHandler(GodkendReferatCommand)
export class GodkendReferatCommandHandler implements ICommandHandler<GodkendReferatCommand, CommandResult> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly dokumenter: MoedeDokumenter,
  ) {}

  async execute({ moedeId, medlem, context }: GodkendReferatCommand): Promise<CommandResult> {
    // Rendered before deciding (decide is synchronous). Content is fixed from haevet on, so
    // a digest taken a moment earlier is the same; if not, the members' digests differ and
    // the domain refuses the mismatch. A meeting that does not exist is refused by decide.
    const dokument = await this.dokumenter.byg(moedeId);
    const sha = dokument ? referatSha256(referatTilGodkendelse(dokument.dokument)) : NO_DIGEST;
    const metadata = { actor: context.actor, now: context.now };
    const result = await this.runner.run(moedeStreamName(moedeId), context, {
      decide: (history) => decide({ type: 'GodkendReferat', data: { moedeId, medlem, referatSha256: sha }, metadata }, foldMoede(history)),
    });
    return { id: moedeId, revision: result.revision, position: result.position };
  }
}

const NO_DIGEST = '0'.repeat(64);
