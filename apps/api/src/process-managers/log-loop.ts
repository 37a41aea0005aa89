import { Logger } from '@nestjs/common';
import {
  anchorMismatch,
  EventStore,
  isTransientStoreError,
  LogAnchor,
  RecordedEvent,
  retryDelay,
  Subscription,
  SubscriptionEnded,
} from '@sagsgang/event-store';

const RETRY_BASE_MS = 100;
const RETRY_MAX_MS = 10_000;

/** What a loop over the log does with each event, and where it stands. */
export interface LogLoopHandler {
  /** The last event fully handled (position 0: none yet). */
  anchor(): LogAnchor;
  /** Handles one event; false when the loop is stopping and the event was left unfinished. */
  handle(event: RecordedEvent): Promise<boolean>;
  /** The anchor is not in this log: start again from its beginning (handling an event again must change nothing). */
  rewind(reason: string): Promise<void>;
}

export interface LogLoopOptions {
  name: string;
  logCheckIntervalMs?: number;
}

/**
 * Feeds a process manager the global log, one event at a time, after its
 * checkpoint, and keeps it fed: a subscription that fails for a reason that
 * may pass (an unreachable store, a full disk, a subscription that simply
 * ended) is replaced after a back-off, from the last event handled, as often
 * as it takes; only a real fault stops the loop. Before subscribing, and
 * every logCheckIntervalMs while running, the checkpoint's anchor is checked
 * against the store: one from another store, or ahead of the log, rewinds
 * the handler to the start of the log. Nothing here ever throws out of a
 * timer or the pump.
 */
export class LogLoop {
  private readonly logger: Logger;
  private readonly logCheckIntervalMs: number;
  private subscription?: Subscription;
  private pumping?: Promise<void>;
  private wanted = false;
  private retryTimer?: NodeJS.Timeout;
  private checkTimer?: NodeJS.Timeout;
  private attempt = 0;
  private interruption?: string;
  private failure?: string;
  reconnects = 0;
  lastRewind?: { at: string; reason: string };

  constructor(
    private readonly store: EventStore,
    private readonly handler: LogLoopHandler,
    options: LogLoopOptions,
  ) {
    this.logger = new Logger(options.name);
    this.logCheckIntervalMs = options.logCheckIntervalMs ?? 10_000;
  }

  get state(): 'running' | 'retrying' | 'stopped' | 'failed' {
    if (this.failure) return 'failed';
    if (!this.wanted) return 'stopped';
    return this.subscription && !this.interruption ? 'running' : 'retrying';
  }

  get error(): string | undefined {
    return this.failure ?? this.interruption;
  }

  get running(): boolean {
    return this.wanted;
  }

  /** Resolves once subscribed, or once a failure that may pass was met (the loop then keeps trying). */
  async start(): Promise<void> {
    if (this.wanted) return;
    this.wanted = true;
    this.failure = undefined;
    this.attempt = 0;
    this.checkTimer = setInterval(() => void this.checkLog(), this.logCheckIntervalMs);
    this.checkTimer.unref();
    await this.connect();
  }

  /** Stops after the event in hand. */
  async stop(): Promise<void> {
    this.wanted = false;
    clearTimeout(this.retryTimer);
    clearInterval(this.checkTimer);
    await this.subscription?.close();
    await this.pumping;
  }

  /** Never rejects: what fails here (also from a timer) interrupts or stops the loop instead. */
  private async connect(): Promise<void> {
    try {
      const reason = await anchorMismatch(this.store, this.handler.anchor());
      if (reason) await this.rewind(reason);
      if (this.wanted) this.subscribe();
    } catch (error) {
      this.interrupted(error);
    }
  }

  private subscribe(): void {
    const { position } = this.handler.anchor();
    // Only positions the store returned are passed back; 0 means nothing handled yet.
    const subscription = this.store.subscribeToAll({ checkpoint: position > 0 ? position : 'start' });
    this.subscription = subscription;
    this.pumping = this.pump(subscription);
    if (this.attempt > 0) {
      this.reconnects++;
      this.logger.log(`subscribed again after position ${position} (${this.interruption})`);
    } else this.logger.log(`started after position ${position}`);
    this.interruption = undefined;
  }

  private async pump(subscription: Subscription): Promise<void> {
    let ended: unknown = new SubscriptionEnded();
    try {
      for await (const event of subscription) {
        if (!this.wanted || !(await this.handler.handle(event))) break;
        // The back-off grows only while nothing gets through.
        this.attempt = 0;
      }
    } catch (error) {
      ended = error;
    }
    const current = this.subscription === subscription;
    if (current) this.subscription = undefined;
    if (current && this.wanted) this.interrupted(ended);
  }

  /** A failure that may pass: subscribe again from the last event handled after a back-off. Anything else stops the loop. */
  private interrupted(error: unknown): void {
    const message = `after position ${this.handler.anchor().position}: ${String(error)}`;
    if (!isTransientStoreError(error)) {
      this.failure = `stopped ${message}`;
      this.wanted = false;
      clearInterval(this.checkTimer);
      this.logger.error(this.failure);
      return;
    }
    if (!this.interruption) this.logger.warn(`lost the log, trying again ${message}`);
    this.interruption = message;
    if (!this.wanted) return;
    this.attempt++;
    this.retryTimer = setTimeout(() => void this.connect(), retryDelay(this.attempt, RETRY_BASE_MS, RETRY_MAX_MS));
  }

  /** While running: the checkpoint must still be a place in the log (a store restored under a running API is not). */
  private async checkLog(): Promise<void> {
    const subscription = this.subscription;
    if (!subscription) return;
    try {
      const reason = await anchorMismatch(this.store, this.handler.anchor());
      if (!reason || !this.wanted || this.subscription !== subscription) return;
      this.subscription = undefined;
      await subscription.close();
      await this.pumping;
      await this.rewind(reason);
    } catch (error) {
      // The store is unreachable (the subscription will say so), or the rewind failed: try again from the top.
      if (this.subscription) return;
      return this.interrupted(error);
    }
    if (this.wanted) await this.connect();
  }

  private async rewind(reason: string): Promise<void> {
    const message = `handling the log again from its start: ${reason}`;
    this.logger.warn(message);
    await this.handler.rewind(reason);
    this.lastRewind = { at: new Date().toISOString(), reason: message };
  }
}
