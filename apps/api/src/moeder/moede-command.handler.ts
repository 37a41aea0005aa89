import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { BLOB_STORE, BlobStore } from '@sagsgang/blob-store';
import { EVENT_STORE, EventStore } from '@sagsgang/event-store';
import { decide, foldMoede, MoedeCommand, moedeStreamName, SagSnapshot, sagSnapshot } from '@sagsgang/moede';
import { referatSha256, referatTilGodkendelse } from '@sagsgang/referat';
import { foldSag, sagStreamName, WorkflowRegistry } from '@sagsgang/sag';
import { CommandResult } from '../commands/command-context';
import { CommandRunner } from '../commands/command-runner';
import { PlainCommand } from '../commands/plain-command';
import { MoedeCommandData, MoedeCommandMessage } from './moede-commands';
import { MoedeDokumenter } from './moede-dokumenter';

export interface TilfoejPunktResult extends CommandResult {
  nr: number;
}

/** A digest no rendering has: the approval of a meeting that does not exist, which the decider refuses. */
const NO_DIGEST = '0'.repeat(64);

/**
 * Reads what the command needs from elsewhere, adds the metadata, loads the
 * meeting through its stream adapter, decides and appends. The decider
 * answers 403, then 404, then 409, whatever the command.
 */
@CommandHandler(MoedeCommandMessage)
export class MoedeCommandHandler implements ICommandHandler<MoedeCommandMessage, CommandResult | TilfoejPunktResult> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly workflows: WorkflowRegistry,
    private readonly dokumenter: MoedeDokumenter,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  async execute({ command, context }: MoedeCommandMessage): Promise<CommandResult | TilfoejPunktResult> {
    const { moedeId } = command.data;
    const { complete, beforeAppend } = await this.withWhatItReads(command);
    const metadata = { actor: context.actor, now: context.now };
    const stream = moedeStreamName(moedeId);
    const result = await this.runner.run(stream, context, {
      decide: (history) => decide({ ...complete, metadata } as MoedeCommand, foldMoede(history)),
      beforeAppend,
    });
    const answer = { id: moedeId, revision: result.revision, position: result.position };
    if (command.type !== 'TilfoejPunkt') return answer;
    // Read back rather than kept from decide: an idempotent retry does not decide again.
    const [tilfoejet] = await this.store.readStream(stream, { fromRevision: result.revision, maxCount: 1 });
    return { ...answer, nr: tilfoejet.data.nr as number };
  }

  /** Read before deciding, since decide is synchronous; and what to store once the command is accepted, before its events. */
  private async withWhatItReads(
    command: MoedeCommandData,
  ): Promise<{ complete: PlainCommand<MoedeCommand>; beforeAppend?: () => Promise<void> }> {
    switch (command.type) {
      case 'TilfoejPunkt':
        return { complete: { type: command.type, data: { ...command.data, sag: await this.snapshot(command.data.sagId) } } };
      case 'GodkendReferat': {
        const tekst = await this.referatTekst(command.data.moedeId);
        return {
          complete: {
            type: command.type,
            data: { ...command.data, referatSha256: tekst === undefined ? NO_DIGEST : referatSha256(tekst) },
          },
          // The approved text itself, under its sha256, so the exact bytes can be handed out (GodkendteReferater).
          beforeAppend: tekst === undefined ? undefined : async () => void (await this.blobs.put(Buffer.from(tekst, 'utf8'))),
        };
      }
      default:
        return { complete: command };
    }
  }

  /** The sag from its own stream (not the read model, which may lag), under its own workflow version; null when there is none. */
  private async snapshot(sagId: string): Promise<SagSnapshot | null> {
    const sag = foldSag(await this.store.readStream(sagStreamName(sagId)));
    return sag.status === 'ny' ? null : sagSnapshot(sag, this.workflows.get(sag.workflow.name, sag.workflow.version));
  }

  /**
   * The referat text as the app renders it now; none for a meeting that does
   * not exist. From haevet on the content is fixed (see MoedeDokumenter), so
   * a digest taken a moment before deciding is the one every member approves;
   * if not, the members' digests differ and the decider refuses the mismatch.
   */
  private async referatTekst(moedeId: string): Promise<string | undefined> {
    const dokument = await this.dokumenter.byg(moedeId);
    return dokument ? referatTilGodkendelse(dokument.dokument) : undefined;
  }
}
