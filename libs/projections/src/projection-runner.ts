import type { EventStore, RecordedEvent, Subscription } from '@sagsgang/event-store';
import { evolveBatch, ProjectionWrite } from './batch';
import { ProjectionFailed } from './errors';
import { PositionWaiters, Progress } from './position-waiters';
import { AnyProjection, eventMatcher } from './projection';
import { ReadModelStore } from './read-model-store';
import { ReadModelTable } from './read-model-table';

export type LogLevel = 'info' | 'warn' | 'error';
export type ProjectionLogger = (level: LogLevel, message: string, context?: Record<string, unknown>) => void;

export interface ProjectionRunnerOptions {
  eventStore: EventStore;
  /** Its projections are the ones the runner feeds. */
  readModels: ReadModelStore;
  logger?: ProjectionLogger;
  /** Most events per transaction (default 5000). Live batches are smaller: see `pump`. */
  batchSize?: number;
}

export interface ProjectionStatus {
  name: string;
  version: number;
  /** The last global position applied. */
  checkpoint: number;
  state: 'running' | 'stopped' | 'failed';
  error?: string;
}

export interface ProjectionLag extends ProjectionStatus {
  head: number;
  /** head − checkpoint, in the store's positions (events on SQLite and memory, bytes on EventStoreDB). */
  lag: number;
}

interface Slot {
  projection: AnyProjection;
  table: ReadModelTable;
  matches: ((event: RecordedEvent) => boolean) | undefined;
  checkpoint: number;
  failure?: ProjectionFailed;
}

/**
 * Feeds every projection from ONE unfiltered subscription to the global log,
 * starting after the lowest checkpoint. Each projection skips what it has
 * already applied (position ≤ its checkpoint) and applies its own filter here,
 * in the runner. Because every event of the log reaches the runner, each
 * batch moves every projection's checkpoint to the batch's last position,
 * including past events a filter skips, so waitForPosition needs nothing but
 * checkpoints. One subscription also reads and parses the log once, however
 * many projections there are, and one transaction per batch commits every
 * projection's documents with its checkpoint: a crash neither skips nor
 * repeats an event.
 */
export class ProjectionRunner {
  private readonly eventStore: EventStore;
  private readonly readModels: ReadModelStore;
  private readonly log: ProjectionLogger;
  private readonly batchSize: number;
  private readonly waiters = new PositionWaiters();
  private slots: Slot[];
  private subscription?: Subscription;
  private pumping?: Promise<void>;
  private stopping?: Promise<void>;
  private buffer: RecordedEvent[] = [];
  private flushScheduled = false;
  private fatal?: Error;

  constructor(options: ProjectionRunnerOptions) {
    this.eventStore = options.eventStore;
    this.readModels = options.readModels;
    this.log = options.logger ?? (() => undefined);
    this.batchSize = options.batchSize ?? 5000;
    for (const { projection, outcome, reason } of this.readModels.installed) {
      if (outcome === 'rebuilt') this.log('warn', `projection ${projection} will be rebuilt from position 0: ${reason}`);
    }
    this.slots = this.loadSlots();
  }

  /** Subscribes after the lowest checkpoint; a restart also retries projections that had failed. */
  async start(): Promise<void> {
    await this.stopping;
    if (this.subscription) return;
    this.fatal = undefined;
    this.slots = this.loadSlots();
    const from = Math.min(...this.slots.map((slot) => slot.checkpoint));
    if (!Number.isFinite(from)) return;
    this.subscription = this.eventStore.subscribeToAll({ checkpoint: from });
    this.pumping = this.pump(this.subscription);
    this.log('info', 'projection runner started', { from, checkpoints: this.checkpoints() });
  }

  /** Closes the subscription and waits until the events already received are committed. */
  stop(): Promise<void> {
    const subscription = this.subscription;
    if (!subscription) return this.stopping ?? Promise.resolve();
    this.subscription = undefined;
    this.stopping = subscription.close().then(() => this.pumping);
    return this.stopping;
  }

  /**
   * Resolves once every projection has applied the log up to `position`, so
   * that a caller can read its own write. Rejects with PositionNotReached after
   * `timeoutMs`, or at once with the failure of a projection stuck before it.
   */
  waitForPosition(position: number, timeoutMs: number): Promise<void> {
    if (this.fatal) return Promise.reject(this.fatal);
    return this.waiters.wait(position, timeoutMs, this.progress());
  }

  status(): ProjectionStatus[] {
    return this.slots.map(({ projection, checkpoint, failure }) => {
      const error = failure ?? this.fatal;
      const state = error ? 'failed' : this.subscription ? 'running' : 'stopped';
      return { name: projection.name, version: projection.version, checkpoint, state, error: error?.message };
    });
  }

  async lag(): Promise<ProjectionLag[]> {
    const head = await this.eventStore.headPosition();
    return this.status().map((status) => ({ ...status, head, lag: Math.max(0, head - status.checkpoint) }));
  }

  /**
   * Drops every read model and checkpoint and replays the log from position 0
   * up to the head at the time of the call. The runner is left running or
   * stopped, as it was.
   */
  async rebuild(timeoutMs = Number.POSITIVE_INFINITY): Promise<{ position: number }> {
    const wasRunning = this.subscription !== undefined;
    await this.stop();
    this.readModels.reset();
    const position = await this.eventStore.headPosition();
    await this.start();
    try {
      await this.waitForPosition(position, timeoutMs);
    } finally {
      if (!wasRunning) await this.stop();
    }
    return { position };
  }

  digest(): string {
    return this.readModels.digest();
  }

  /**
   * Full batches while catching up; when live, a batch is flushed as soon as
   * the subscription has nothing ready, i.e. on the next turn of the event
   * loop (setImmediate), so a waiting query pays one turn, not a batch.
   */
  private async pump(subscription: Subscription): Promise<void> {
    const started = Date.now();
    let caughtUp = false;
    try {
      for await (const event of subscription) {
        this.buffer.push(event);
        if (this.buffer.length >= this.batchSize) {
          this.flush();
          if (this.slots.every((slot) => slot.failure)) break;
          // The store may deliver a whole catch-up without a macrotask: let requests in.
          await new Promise<void>((resolve) => setImmediate(resolve));
        } else if (!this.flushScheduled) {
          this.flushScheduled = true;
          setImmediate(() => {
            this.flushScheduled = false;
            if (this.buffer.length === 0) return;
            this.guarded(() => this.flush());
            if (!caughtUp) this.log('info', 'projections caught up', { ms: Date.now() - started, checkpoints: this.checkpoints() });
            caughtUp = true;
          });
        }
      }
    } catch (error) {
      this.failRunner(error);
    } finally {
      if (!this.fatal) this.guarded(() => this.flush());
      this.log('info', 'projection runner stopped', { checkpoints: this.checkpoints() });
    }
  }

  /** Applies the buffered events: every projection's documents and checkpoint in one transaction. */
  private flush(): void {
    if (this.buffer.length === 0) return;
    const events = this.buffer;
    this.buffer = [];
    const last = events[events.length - 1].position;
    const failed: Array<[Slot, unknown]> = [];
    const written = this.readModels.transaction(() => {
      const writes: Array<[Slot, ProjectionWrite]> = [];
      for (const slot of this.slots) {
        if (slot.failure || slot.checkpoint >= last) continue;
        try {
          writes.push([slot, evolveBatch(slot.projection, slot.matches, slot.table, slot.checkpoint, events)]);
        } catch (error) {
          failed.push([slot, error]);
        }
      }
      for (const [slot, write] of writes) {
        slot.table.write(write.upserts, write.deletes);
        this.readModels.advance(slot.projection.name, write.position);
      }
      return writes;
    });
    for (const [slot, write] of written) slot.checkpoint = write.position;
    for (const [slot, error] of failed) this.failProjection(slot, error);
    this.waiters.update(this.progress());
  }

  /** The projection stops; its checkpoint stays before the failing batch, and the others go on. */
  private failProjection(slot: Slot, error: unknown): void {
    const name = slot.projection.name;
    slot.failure = error instanceof ProjectionFailed ? error : new ProjectionFailed(name, undefined, error, 'in a batch');
    this.log('error', slot.failure.message, { projection: name, checkpoint: slot.checkpoint, error });
    if (this.slots.every((other) => other.failure)) void this.subscription?.close();
  }

  /** The subscription or the read model database failed: nothing more can be applied until a restart. */
  private failRunner(error: unknown): void {
    this.fatal = error instanceof Error ? error : new Error(String(error));
    this.log('error', `projection runner failed: ${this.fatal.message}`, { error, checkpoints: this.checkpoints() });
    this.waiters.rejectAll(this.fatal);
    void this.subscription?.close();
  }

  private guarded(work: () => void): void {
    try {
      work();
    } catch (error) {
      this.failRunner(error);
    }
  }

  private progress(): Progress {
    const slots = this.slots;
    return {
      lowest: Math.min(...slots.map((slot) => slot.checkpoint)),
      blocker: (position) => slots.find((slot) => slot.failure && slot.checkpoint < position)?.failure,
    };
  }

  private checkpoints(): Record<string, number> {
    return Object.fromEntries(this.slots.map((slot) => [slot.projection.name, slot.checkpoint]));
  }

  private loadSlots(): Slot[] {
    return this.readModels.projections.map((projection) => ({
      projection,
      table: this.readModels.table(projection.name),
      matches: eventMatcher(projection.filter),
      checkpoint: this.readModels.checkpoint(projection.name).position,
    }));
  }
}
