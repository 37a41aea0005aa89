import { anchorMismatch, EventStore, isTransientStoreError, LogAnchor, RecordedEvent, retryDelay } from '@sagsgang/event-store';
import { InvalidReadModelQuery } from './errors';
import { LogSession, SessionEnd } from './log-session';
import { PositionWaiters } from './position-waiters';
import { ProjectionSlots } from './projection-slots';
import { ReadModelStore } from './read-model-store';
import { Incident, ProjectionLag, ProjectionLogger, ProjectionRunnerOptions, ProjectionStatus, RunnerHealth } from './runner-options';

const RETRY_BASE_MS = 100;
const RETRY_MAX_MS = 10_000;

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
 *
 * Each checkpoint is anchored in the log (LogAnchor: the store and the event
 * at its position). Before subscribing, and every logCheckIntervalMs while
 * running, the runner checks the anchors against the store; a checkpoint from
 * another store, or ahead of the log, drops the read models and rebuilds them.
 *
 * What may pass (a full disk, an unreachable store, a subscription that
 * ended) cuts the subscription off and the runner subscribes again from its
 * committed checkpoints after a back-off, as often as it takes; only a real
 * fault stops it until a restart.
 */
export class ProjectionRunner {
  private readonly eventStore: EventStore;
  private readonly readModels: ReadModelStore;
  private readonly log: ProjectionLogger;
  private readonly onInterrupted: (error: unknown) => void;
  private readonly batchSize: number;
  private readonly logCheckIntervalMs: number;
  private readonly waiters = new PositionWaiters();
  private readonly slots: ProjectionSlots;
  private session?: LogSession;
  /** Whether the runner should be running: start() until stop(). */
  private wanted = false;
  private connecting?: Promise<void>;
  private ended?: Promise<void>;
  private endSession?: () => void;
  private retryTimer?: NodeJS.Timeout;
  private checkTimer?: NodeJS.Timeout;
  private attempt = 0;
  private storeId?: string;
  private committed?: LogAnchor;
  /** Every event received since construction, for counting what a rebuild replayed. */
  private delivered = 0;
  private fatal?: Error;
  private interruption?: Error;
  private readonly health: RunnerHealth = { reconnects: 0 };

  constructor(options: ProjectionRunnerOptions) {
    this.eventStore = options.eventStore;
    this.readModels = options.readModels;
    this.log = options.logger ?? (() => undefined);
    this.onInterrupted = options.onInterrupted ?? (() => undefined);
    this.batchSize = options.batchSize ?? 50_000;
    this.logCheckIntervalMs = options.logCheckIntervalMs ?? 10_000;
    for (const { projection, outcome, reason } of this.readModels.installed) {
      if (outcome !== 'rebuilt') continue;
      this.log('warn', `projection ${projection} will be rebuilt from position 0: ${reason}`);
    }
    this.slots = new ProjectionSlots(this.readModels, options.cacheSize ?? 10_000, this.log, () =>
      this.waiters.update(this.slots.progress()),
    );
  }

  /**
   * Checks the checkpoints against the log and subscribes after the lowest;
   * a restart also retries projections that had failed. Resolves once
   * subscribed, or once a failure that may pass has been met (the runner
   * then keeps trying on its own).
   */
  async start(): Promise<void> {
    await this.ended;
    if (this.wanted) return this.connecting;
    this.wanted = true;
    this.fatal = undefined;
    this.attempt = 0;
    this.checkTimer = setInterval(() => void this.checkLog(), this.logCheckIntervalMs);
    this.checkTimer.unref();
    this.connecting = this.connect();
    return this.connecting;
  }

  /** Closes the subscription and waits until the events already received are committed. */
  async stop(): Promise<void> {
    this.wanted = false;
    clearTimeout(this.retryTimer);
    clearInterval(this.checkTimer);
    await this.connecting;
    await this.session?.stop();
    await this.ended;
  }

  /**
   * Resolves once every projection (or only those named) has applied the log
   * up to `position`, so that a caller can read its own write. Rejects with
   * PositionNotReached after `timeoutMs`, or at once with the failure of a
   * projection stuck before the position.
   */
  waitForPosition(position: number, timeoutMs: number, projections?: readonly string[]): Promise<void> {
    if (this.fatal) return Promise.reject(this.fatal);
    const unknown = projections?.find((name) => !this.slots.has(name));
    if (unknown) return Promise.reject(new InvalidReadModelQuery(`Unknown projection "${unknown}"`));
    return this.waiters.wait(position, timeoutMs, projections && new Set(projections), this.slots.progress());
  }

  status(): ProjectionStatus[] {
    return this.slots.all.map(({ projection, checkpoint, failure }) => {
      const error = failure ?? this.fatal ?? (this.wanted ? this.interruption : undefined);
      const state = failure || this.fatal ? 'failed' : !this.wanted ? 'stopped' : this.session?.active ? 'running' : 'retrying';
      return { name: projection.name, version: projection.version, checkpoint, state, error: error?.message };
    });
  }

  async lag(): Promise<ProjectionLag[]> {
    const head = await this.eventStore.headPosition();
    return this.status().map((status) => ({ ...status, head, lag: Math.max(0, head - status.checkpoint) }));
  }

  /** How often the runner subscribed again after losing the log, and the last time it rebuilt every read model, and why. */
  incidents(): RunnerHealth {
    return { ...this.health };
  }

  /**
   * Drops every read model and checkpoint and replays the log from position 0
   * up to the head at the time of the call. The runner is left running or
   * stopped, as it was. `events` counts the events read (on EventStoreDB
   * positions are byte offsets, not counts).
   */
  async rebuild(timeoutMs = Number.POSITIVE_INFINITY): Promise<{ position: number; events: number }> {
    const wasRunning = this.wanted;
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

  /** Never rejects: what fails here (also from a timer) interrupts or stops the runner instead. */
  private async connect(): Promise<void> {
    try {
      this.storeId = await this.eventStore.identity();
      await this.rebuildIfNotInLog();
      if (!this.wanted) return;
      this.subscribe();
    } catch (error) {
      this.interrupted(error);
    }
  }

  private subscribe(): void {
    this.slots.reload();
    this.committed = this.slots.newestCheckpoint();
    const from = this.slots.lowest;
    if (!Number.isFinite(from)) return;
    const subscription = this.eventStore.subscribeToAll({ checkpoint: from });
    this.ended = new Promise((resolve) => (this.endSession = resolve));
    this.session = new LogSession(subscription, this.sessionHandlers(), this.batchSize);
    if (this.attempt > 0) {
      this.health.reconnects++;
      this.log('info', 'projection runner subscribed again', { from, attempt: this.attempt });
    } else this.log('info', 'projection runner started', { from, checkpoints: this.slots.checkpoints() });
  }

  private sessionHandlers() {
    return {
      receive: (event: RecordedEvent) => {
        this.slots.receive(event);
        this.delivered++;
      },
      commit: (last: RecordedEvent) => this.commit(last),
      wanted: () => this.slots.anyActive,
      caughtUp: () => {
        this.attempt = 0;
        this.interruption = undefined;
        this.log('info', 'projections caught up', { checkpoints: this.slots.checkpoints() });
        this.slots.caughtUp();
      },
      ended: (end: SessionEnd) => this.sessionEnded(end),
    };
  }

  private sessionEnded(end: SessionEnd): void {
    this.session = undefined;
    this.endSession?.();
    this.log('info', 'projection runner stopped', { checkpoints: this.slots.checkpoints() });
    if (end.kind === 'interrupted') this.interrupted(end.error);
  }

  /** A failure that may pass: subscribe again from the committed checkpoints after a back-off. Anything else stops the runner. */
  private interrupted(error: unknown): void {
    if (!isTransientStoreError(error)) return this.failRunner(error);
    this.interruption = error instanceof Error ? error : new Error(String(error));
    this.onInterrupted(error);
    if (!this.wanted) return;
    this.attempt++;
    const delay = retryDelay(this.attempt, RETRY_BASE_MS, RETRY_MAX_MS);
    if (this.attempt === 1) this.log('warn', `projection runner lost the log, trying again: ${this.interruption.message}`);
    this.retryTimer = setTimeout(() => {
      if (this.wanted) this.connecting = this.connect();
    }, delay);
  }

  /** Every projection's checkpoint must be a place in this store's log; if one is not, every read model is rebuilt. */
  private async rebuildIfNotInLog(): Promise<void> {
    for (const { projection } of this.slots.all) {
      const reason = await anchorMismatch(this.eventStore, this.readModels.checkpoint(projection.name));
      if (reason) return this.rebuildAll(`read models rebuilt from the log: ${reason}`);
    }
  }

  private rebuildAll(reason: string): void {
    this.log('warn', reason);
    this.readModels.reset();
    this.committed = undefined;
    this.health.lastRebuild = { at: new Date().toISOString(), reason } satisfies Incident;
  }

  /** While running: the newest commit's anchor must still be in the log (a store restored under a running API is not). */
  private async checkLog(): Promise<void> {
    const anchor = this.committed;
    if (!this.session?.active || !anchor) return;
    try {
      const reason = await anchorMismatch(this.eventStore, anchor);
      if (!reason || this.committed !== anchor || !this.wanted) return;
      await this.session?.stop();
      this.rebuildAll(`read models rebuilt from the log: ${reason}`);
    } catch (error) {
      // The store is unreachable (the subscription will say so), or the rebuild could not start: try again from the top.
      if (this.session?.active) return;
      return this.interrupted(error);
    }
    if (this.wanted) this.connecting = this.connect();
  }

  /** Commits the batch anchored at its last event, and tells the waiters. */
  private commit(last: RecordedEvent): void {
    const anchor: LogAnchor = { position: last.position, eventId: last.id, storeId: this.storeId };
    if (!this.slots.commit(anchor)) return;
    this.committed = anchor;
    this.waiters.update(this.slots.progress());
  }

  /** The log or the read model database failed for good: nothing more can be applied until a restart. */
  private failRunner(error: unknown): void {
    this.fatal = error instanceof Error ? error : new Error(String(error));
    this.log('error', `projection runner failed: ${this.fatal.message}`, { error, checkpoints: this.slots.checkpoints() });
    this.waiters.rejectAll(this.fatal);
    this.wanted = false;
    clearInterval(this.checkTimer);
  }
}
