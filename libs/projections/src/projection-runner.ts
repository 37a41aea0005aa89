import type { EventStore, RecordedEvent, Subscription } from '@sagsgang/event-store';
import { InvalidReadModelQuery, ProjectionFailed } from './errors';
import { PositionWaiters, Progress, Scope } from './position-waiters';
import { PreparedWrite, ProjectionSlot } from './projection-slot';
import { ReadModelStore } from './read-model-store';
import { ProjectionLag, ProjectionLogger, ProjectionRunnerOptions, ProjectionStatus } from './runner-options';

/** While catching up, the pump lets the event loop turn after this many events. */
const YIELD_EVERY = 1000;

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
  private slots: ProjectionSlot[];
  private subscription?: Subscription;
  private pumping?: Promise<void>;
  private stopping?: Promise<void>;
  /** The last position received, and how many events since the last commit. */
  private received = 0;
  private pending = 0;
  /** Every event received since construction, for counting what a rebuild replayed. */
  private delivered = 0;
  private commitScheduled = false;
  private waitingForEvents = false;
  private caughtUp = false;
  private readonly cacheSize: number;
  private fatal?: Error;

  constructor(options: ProjectionRunnerOptions) {
    this.eventStore = options.eventStore;
    this.readModels = options.readModels;
    this.log = options.logger ?? (() => undefined);
    this.batchSize = options.batchSize ?? 50_000;
    this.cacheSize = options.cacheSize ?? 10_000;
    for (const { projection, outcome, reason } of this.readModels.installed) {
      if (outcome !== 'rebuilt') continue;
      this.log('warn', `projection ${projection} will be rebuilt from position 0: ${reason}`);
    }
    this.slots = this.loadSlots();
  }

  /** Subscribes after the lowest checkpoint; a restart also retries projections that had failed. */
  async start(): Promise<void> {
    await this.stopping;
    if (this.subscription) return;
    this.fatal = undefined;
    this.received = 0;
    this.pending = 0;
    this.slots = this.loadSlots();
    const from = Math.min(...this.slots.map((slot) => slot.checkpoint));
    if (!Number.isFinite(from)) return;
    this.caughtUp = false;
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
   * Resolves once every projection (or only those named) has applied the log
   * up to `position`, so that a caller can read its own write. Rejects with
   * PositionNotReached after `timeoutMs`, or at once with the failure of a
   * projection stuck before the position.
   */
  waitForPosition(position: number, timeoutMs: number, projections?: readonly string[]): Promise<void> {
    if (this.fatal) return Promise.reject(this.fatal);
    const unknown = projections?.find((name) => !this.slots.some((slot) => slot.projection.name === name));
    if (unknown) return Promise.reject(new InvalidReadModelQuery(`Unknown projection "${unknown}"`));
    return this.waiters.wait(position, timeoutMs, projections && new Set(projections), this.progress());
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
   * stopped, as it was. `events` counts the events read (on EventStoreDB
   * positions are byte offsets, not counts).
   */
  async rebuild(timeoutMs = Number.POSITIVE_INFINITY): Promise<{ position: number; events: number }> {
    const wasRunning = this.subscription !== undefined;
    await this.stop();
    this.readModels.reset();
    const position = await this.eventStore.headPosition();
    const before = this.delivered;
    await this.start();
    let events: number;
    try {
      await this.waitForPosition(position, timeoutMs);
      events = this.delivered - before;
    } finally {
      if (!wasRunning) await this.stop();
    }
    return { position, events };
  }

  digest(): string {
    return this.readModels.digest();
  }

  /**
   * Events are evolved into the documents as they arrive and committed in
   * batches: a full batch while catching up; when live, as soon as the
   * subscription has nothing ready — the pump is left waiting for the next
   * event at a turn of the event loop — so a waiting query pays one turn, not
   * a batch. During a long catch-up the pump also yields every YIELD_EVERY
   * events (without committing), since a store may deliver the whole log
   * without a macrotask and requests must still get in.
   */
  private async pump(subscription: Subscription): Promise<void> {
    const iterator = subscription[Symbol.asyncIterator]();
    try {
      for (let received = 1; ; received++) {
        this.waitingForEvents = true;
        const next = await iterator.next();
        this.waitingForEvents = false;
        if (next.done) break;
        this.receive(next.value);
        if (this.pending >= this.batchSize) this.commit();
        else this.scheduleCommit();
        if (!this.slots.some((slot) => slot.active)) break;
        if (received % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      this.failRunner(error);
    } finally {
      await iterator.return?.().catch(() => undefined);
      if (!this.fatal) this.guarded(() => this.commit());
      this.log('info', 'projection runner stopped', { checkpoints: this.checkpoints() });
    }
  }

  /** Commits once the pump is found waiting for the subscription at a turn of the event loop. */
  private scheduleCommit(): void {
    if (this.commitScheduled) return;
    this.commitScheduled = true;
    setImmediate(() => {
      this.commitScheduled = false;
      if (!this.waitingForEvents) {
        if (this.pending > 0) this.scheduleCommit();
        return;
      }
      if (this.pending > 0) this.guarded(() => this.commit());
      if (!this.caughtUp) {
        this.log('info', 'projections caught up', { checkpoints: this.checkpoints() });
        this.slots.forEach((slot) => slot.caughtUp());
      }
      this.caughtUp = true;
    });
  }

  private receive(event: RecordedEvent): void {
    for (const slot of this.slots) {
      if (!slot.active) continue;
      try {
        slot.apply(event);
      } catch (error) {
        this.failProjection(slot, error);
      }
    }
    this.received = event.position;
    this.pending++;
    this.delivered++;
  }

  /** Writes every projection's changed documents and its checkpoint in one transaction. */
  private commit(): void {
    if (this.pending === 0) return;
    const position = this.received;
    this.pending = 0;
    const writes: Array<[ProjectionSlot, PreparedWrite]> = [];
    for (const slot of this.slots) {
      if (!slot.active || slot.checkpoint >= position) continue;
      try {
        writes.push([slot, slot.prepare()]);
      } catch (error) {
        this.failProjection(slot, error);
      }
    }
    if (writes.length === 0) return;
    this.readModels.transaction(() => {
      for (const [slot, { rows }] of writes) {
        for (const row of rows) slot.table.write(row);
        this.readModels.advance(slot.projection.name, position);
      }
    });
    for (const [slot, write] of writes) slot.committedAt(position, write);
    this.waiters.update(this.progress());
  }

  /** The projection stops; its checkpoint stays before the failing batch, and the others go on. */
  private failProjection(slot: ProjectionSlot, error: unknown): void {
    const name = slot.projection.name;
    slot.fail(error instanceof ProjectionFailed ? error : new ProjectionFailed(name, undefined, error, 'in a batch'));
    this.log('error', slot.failure!.message, { projection: name, checkpoint: slot.checkpoint, error });
    this.waiters.update(this.progress());
    if (!this.slots.some((other) => other.active)) void this.subscription?.close();
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
    const inScope = (scope: Scope) => (scope ? slots.filter((slot) => scope.has(slot.projection.name)) : slots);
    return {
      lowest: (scope) => Math.min(...inScope(scope).map((slot) => slot.checkpoint)),
      blocker: (position, scope) => inScope(scope).find((slot) => slot.failure && slot.checkpoint < position)?.failure,
    };
  }

  private checkpoints(): Record<string, number> {
    return Object.fromEntries(this.slots.map((slot) => [slot.projection.name, slot.checkpoint]));
  }

  private loadSlots(): ProjectionSlot[] {
    return this.readModels.projections.map(
      (projection) =>
        new ProjectionSlot(
          projection,
          this.readModels.table(projection.name),
          this.readModels.checkpoint(projection.name).position,
          this.cacheSize,
        ),
    );
  }
}
