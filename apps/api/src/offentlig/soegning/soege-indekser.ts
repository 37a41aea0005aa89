import { Inject, Injectable, Logger } from '@nestjs/common';
import { EVENT_STORE, EventStore, RecordedEvent, Subscription } from '@sagsgang/event-store';
import { isMoedeEventType, MOEDE_STREAM_PREFIX } from '@sagsgang/moede';
import { SAG_STREAM_PREFIX } from '@sagsgang/sag';
import { MoedeDokumenter, MoedeMedDokument } from '../../moeder/moede-dokumenter';
import { OpfoelgningWaiters } from '../../process-managers/opfoelgning-waiters';
import { offentligeTekster } from './offentlige-tekster';
import { IndeksRaekke, SoegeIndeks } from './soege-indeks';

/**
 * Feeds the search index from the global log, from its own checkpoint. A
 * meeting's event, or an event of a sag on one of its punkter, marks the
 * meeting; marked meetings are built by MoedeDokumenter (the same documents
 * the public reads) and their rows replaced together with the checkpoint, a
 * turn of the event loop at a time. Building reads the streams as they are
 * now, so indexing an event again after a crash gives the same rows.
 */
@Injectable()
export class SoegeIndekser {
  private readonly logger = new Logger('Soegning');
  private readonly waiters = new OpfoelgningWaiters();
  /** Documents already indexed: MoedeDokumenter hands out the same object while a meeting cannot change. */
  private readonly indekseret = new WeakSet<MoedeMedDokument>();
  private subscription?: Subscription;
  private pumping?: Promise<void>;
  private skrivning?: Promise<void>;
  private maerkede = new Set<string>();
  private set = 0;
  private failed?: string;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly indeks: SoegeIndeks,
    private readonly dokumenter: MoedeDokumenter,
  ) {}

  start(): void {
    this.set = this.indeks.position;
    this.waiters.update(this.set, 0);
    this.subscription = this.store.subscribeToAll({ checkpoint: this.set > 0 ? this.set : 'start' });
    this.pumping = this.pump(this.subscription);
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
    await this.pumping;
    await this.skrivning;
    this.subscription = undefined;
    this.waiters.rejectAll('the search index stopped');
  }

  /** Resolves once the index reflects every event up to `position`. */
  async waitFor(position: number, timeoutMs: number): Promise<void> {
    if (this.failed) throw new Error(this.failed);
    await this.waiters.wait(position, timeoutMs, this.indeks.position, 0);
  }

  private async pump(subscription: Subscription): Promise<void> {
    try {
      for await (const event of subscription) {
        this.maerk(event);
        this.set = event.position;
        this.skrivning ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.skriv());
      }
    } catch (error) {
      this.failed = `the search index stopped after position ${this.set}: ${String(error)}`;
      this.logger.error(this.failed);
      this.waiters.rejectAll(this.failed);
    }
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

  /** Indexes the marked meetings up to the last event seen; again while events keep marking more. */
  private async skriv(): Promise<void> {
    while (this.maerkede.size > 0 || this.indeks.position < this.set) {
      const [moeder, position] = [this.maerkede, this.set];
      this.maerkede = new Set();
      const raekker = new Map<string, IndeksRaekke[]>();
      for (const moedeId of moeder) {
        const bygget = await this.dokumenter.byg(moedeId);
        if (bygget && this.indekseret.has(bygget)) continue;
        raekker.set(moedeId, bygget ? offentligeTekster(bygget.moede, bygget.dokument) : []);
        if (bygget) this.indekseret.add(bygget);
      }
      this.indeks.gem(raekker, position);
      this.waiters.update(position, 0);
    }
    this.skrivning = undefined;
  }
}
