import { Inject, Injectable, Logger } from '@nestjs/common';
import { EVENT_STORE, EventStore, LogAnchor, RecordedEvent, retryDelay } from '@sagsgang/event-store';
import { isMoedeEventType, MOEDE_STREAM_PREFIX } from '@sagsgang/moede';
import { SAG_STREAM_PREFIX } from '@sagsgang/sag';
import { DataFolder } from '../../infrastructure/data-folder';
import { MoedeDokumenter, MoedeMedDokument } from '../../moeder/moede-dokumenter';
import { LogLoop } from '../../process-managers/log-loop';
import { OpfoelgningWaiters } from '../../process-managers/opfoelgning-waiters';
import { offentligeTekster } from './offentlige-tekster';
import { IndeksRaekke, SoegeIndeks } from './soege-indeks';

/**
 * Feeds the search index from the global log, from its own checkpoint
 * (LogLoop: subscribed again after a failure that may pass, the checkpoint
 * checked against the log and the index built anew when it is not in it). A
 * meeting's event, or an event of a sag on one of its punkter, marks the
 * meeting; marked meetings are built by MoedeDokumenter (the same documents
 * the public reads) and their rows replaced together with the checkpoint, a
 * turn of the event loop at a time. Building reads the streams as they are
 * now, so indexing an event again after a crash gives the same rows. A write
 * that fails (a full disk) keeps its meetings marked and is tried again
 * after a back-off.
 */
@Injectable()
export class SoegeIndekser {
  private readonly logger = new Logger('Soegning');
  private readonly waiters = new OpfoelgningWaiters();
  private readonly loop: LogLoop;
  /** Documents already indexed: MoedeDokumenter hands out the same object while a meeting cannot change. */
  private readonly indekseret = new WeakSet<MoedeMedDokument>();
  private skrivning?: Promise<void>;
  private genforsoeg?: NodeJS.Timeout;
  private forsoeg = 0;
  private maerkede = new Set<string>();
  /** The last event seen. */
  private set: LogAnchor = { position: 0 };
  private storeId?: string;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly indeks: SoegeIndeks,
    private readonly dokumenter: MoedeDokumenter,
    private readonly dataFolder: DataFolder,
  ) {
    this.loop = new LogLoop(
      store,
      { anchor: () => this.indeks.anchor, handle: (event) => this.handle(event), rewind: async () => this.indeks.nulstil() },
      { name: 'Soegning' },
    );
  }

  async start(): Promise<void> {
    this.set = this.indeks.anchor;
    this.waiters.update(this.set.position, 0);
    await this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    clearTimeout(this.genforsoeg);
    await this.skrivning;
    this.waiters.rejectAll('the search index stopped');
  }

  /** Resolves once the index reflects every event up to `position`. */
  async waitFor(position: number, timeoutMs: number): Promise<void> {
    if (this.loop.state === 'failed') throw new Error(this.loop.error);
    await this.waiters.wait(position, timeoutMs, this.indeks.position, 0);
  }

  private async handle(event: RecordedEvent): Promise<boolean> {
    this.storeId ??= await this.store.identity();
    this.maerk(event);
    this.set = { position: event.position, eventId: event.id, storeId: this.storeId };
    this.planlaeg();
    return true;
  }

  private maerk(event: RecordedEvent): void {
    if (event.streamName.startsWith(MOEDE_STREAM_PREFIX) && isMoedeEventType(event.type)) {
      const moedeId = event.streamName.slice(MOEDE_STREAM_PREFIX.length);
      this.maerkede.add(moedeId);
      if (event.type === 'PunktTilfoejet') this.indeks.knyt((event.data.sag as { sagId: string }).sagId, moedeId);
    } else if (event.streamName.startsWith(SAG_STREAM_PREFIX)) {
      for (const moedeId of this.indeks.moederMedSag(event.streamName.slice(SAG_STREAM_PREFIX.length))) this.maerkede.add(moedeId);
    }
  }

  /** The next turn of the event loop writes what was marked until then; a write that failed is tried again later. */
  private planlaeg(): void {
    this.skrivning ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
      this.skriv().catch((error: unknown) => this.skrivFejlede(error)),
    );
  }

  private skrivFejlede(error: unknown): void {
    this.skrivning = undefined;
    this.dataFolder.writeFailed('the search index', error);
    if (this.forsoeg++ === 0) this.logger.warn(`search index not written, trying again: ${String(error)}`);
    this.genforsoeg = setTimeout(() => this.planlaeg(), retryDelay(this.forsoeg, 100, 10_000));
  }

  /** Indexes the marked meetings up to the last event seen; again while events keep marking more. */
  private async skriv(): Promise<void> {
    while (this.maerkede.size > 0 || this.indeks.position < this.set.position) {
      const [moeder, anchor] = [this.maerkede, this.set];
      this.maerkede = new Set();
      try {
        const raekker = new Map<string, IndeksRaekke[]>();
        const bygget: MoedeMedDokument[] = [];
        for (const moedeId of moeder) {
          const dokument = await this.dokumenter.byg(moedeId);
          if (dokument && this.indekseret.has(dokument)) continue;
          raekker.set(moedeId, dokument ? offentligeTekster(dokument.moede, dokument.offentligt) : []);
          if (dokument) bygget.push(dokument);
        }
        this.indeks.gem(raekker, anchor);
        bygget.forEach((dokument) => this.indekseret.add(dokument));
      } catch (error) {
        // Still to do: the meetings stay marked for the next try.
        for (const moedeId of moeder) this.maerkede.add(moedeId);
        throw error;
      }
      this.waiters.update(anchor.position, 0);
    }
    this.forsoeg = 0;
    this.skrivning = undefined;
  }
}
