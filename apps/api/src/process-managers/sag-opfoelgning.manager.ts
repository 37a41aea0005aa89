import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore, RecordedEvent, Subscription } from '@sagsgang/event-store';
import { isMoedeEventType, MOEDE_STREAM_PREFIX, moedeEvent, SagOpfoelgning, sagOpfoelgning } from '@sagsgang/moede';
import { CommandResult } from '../commands/command-context';
import { SagCommandMessage } from '../sager/sag-commands';
import { contextFor, refused } from './opfoelgning-context';
import { OpfoelgningWaiters } from './opfoelgning-waiters';
import { ProcessManagerStore } from './process-manager-store';

export const SAG_OPFOELGNING = 'sag_opfoelgning';
/** Events without follow-ups move the checkpoint in memory; it is stored at most this often. */
const IDLE_SAVE_MS = 1000;
const MAX_RETRY_DELAY_MS = 5000;

export interface ManagerStatus {
  name: string;
  state: 'running' | 'retrying' | 'stopped' | 'failed';
  /** The last global position fully handled. */
  checkpoint: number;
  error?: string;
}

/**
 * Carries each meeting event on to the sag it concerns (`sagOpfoelgning`):
 * a punkt added puts the sag on the agenda, a punkt withdrawn or a meeting
 * cancelled takes it off, a beslutning routes it. Driven by the global log
 * from its own stored checkpoint, one event at a time in log order.
 *
 * - Idempotent: each follow-up is sent through the sag's own command path
 *   with the idempotency key `sag-opfoelgning/<event id>/<n>` and the meeting
 *   event's actor, so its event ids are derived from the triggering event;
 *   handling an event again (after a crash before the checkpoint was saved)
 *   finds them in the sag's stream and appends nothing.
 * - The checkpoint moves past an event only once its follow-ups are appended.
 * - A follow-up the sag refuses (a domain error: the sag changed meanwhile) is
 *   logged with the event's position, stored and counted on /health, and
 *   skipped, so one sag cannot stall the others. Anything else (the store is
 *   unreachable) is retried with back-off until it succeeds or the app stops.
 */
@Injectable()
export class SagOpfoelgningManager {
  private readonly logger = new Logger('SagOpfoelgning');
  private readonly waiters = new OpfoelgningWaiters();
  private subscription?: Subscription;
  private pumping?: Promise<void>;
  private stopping = false;
  private wakeRetry?: () => void;
  private saveTimer?: NodeJS.Timeout;
  private handled = 0;
  private saved = 0;
  /** Every sag append for events up to `handled` is at or before this position. */
  private opfoelgningerTil = 0;
  private retrying?: string;
  private failed?: string;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commandBus: CommandBus,
    private readonly checkpoints: ProcessManagerStore,
  ) {}

  get running(): boolean {
    return this.subscription !== undefined;
  }

  async start(): Promise<void> {
    if (this.subscription) return;
    this.handled = this.saved = this.checkpoints.checkpoint(SAG_OPFOELGNING);
    // Follow-ups appended before a restart are at most at the head.
    this.opfoelgningerTil = await this.store.headPosition();
    this.stopping = false;
    this.failed = undefined;
    // Only positions the store returned are passed back; 0 means nothing handled yet.
    this.subscription = this.store.subscribeToAll({ checkpoint: this.handled > 0 ? this.handled : 'start' });
    this.pumping = this.pump(this.subscription);
    this.logger.log(`started after position ${this.handled}`);
  }

  /** Stops after the event in hand (its follow-ups appended, or abandoned mid-retry) and saves the checkpoint. */
  async stop(): Promise<void> {
    const subscription = this.subscription;
    if (!subscription) return;
    this.stopping = true;
    this.wakeRetry?.();
    await subscription.close();
    await this.pumping;
    this.subscription = undefined;
    clearTimeout(this.saveTimer);
    this.save();
    this.waiters.rejectAll('the process manager stopped');
  }

  /** Resolves, once every event up to `position` is handled, with the position the read models must reach. */
  waitFor(position: number, timeoutMs: number): Promise<number> {
    if (this.failed) return Promise.reject(new Error(this.failed));
    return this.waiters.wait(position, timeoutMs, this.handled, this.opfoelgningerTil);
  }

  status(): ManagerStatus {
    const state = this.failed ? 'failed' : !this.subscription ? 'stopped' : this.retrying ? 'retrying' : 'running';
    const error = this.failed ?? this.retrying;
    return { name: SAG_OPFOELGNING, state, checkpoint: this.handled, ...(error ? { error } : {}) };
  }

  failures() {
    return this.checkpoints.failures(SAG_OPFOELGNING);
  }

  private async pump(subscription: Subscription): Promise<void> {
    try {
      for await (const event of subscription) {
        if (this.stopping) break;
        const opfoelgninger = await this.handle(event);
        if (opfoelgninger === 'stopped') break;
        this.handled = event.position;
        if (opfoelgninger > 0) this.save();
        else this.saveSoon();
        this.waiters.update(this.handled, this.opfoelgningerTil);
      }
    } catch (error) {
      // The log cannot be read, or an event cannot be understood: nothing later may be handled before it.
      this.failed = `stopped after position ${this.handled}: ${String(error)}`;
      this.logger.error(this.failed);
      this.waiters.rejectAll(this.failed);
    }
  }

  /** The number of follow-ups carried out, or 'stopped' if the app stopped while one was being retried. */
  private async handle(event: RecordedEvent): Promise<number | 'stopped'> {
    if (!event.streamName.startsWith(MOEDE_STREAM_PREFIX) || !isMoedeEventType(event.type)) return 0;
    const opfoelgninger = sagOpfoelgning(moedeEvent(event));
    for (const [index, opfoelgning] of opfoelgninger.entries()) {
      if (!(await this.carryOut(event, index, opfoelgning))) return 'stopped';
    }
    return opfoelgninger.length;
  }

  private async carryOut(event: RecordedEvent, index: number, opfoelgning: SagOpfoelgning): Promise<boolean> {
    if (this.checkpoints.hasFailed(SAG_OPFOELGNING, event.id, index)) return true;
    for (let attempt = 1; !this.stopping; attempt++) {
      try {
        const context = contextFor(event, index);
        const result = await this.commandBus.execute<SagCommandMessage, CommandResult>(new SagCommandMessage(opfoelgning, context));
        this.opfoelgningerTil = Math.max(this.opfoelgningerTil, result.position);
        this.retrying = undefined;
        return true;
      } catch (error) {
        if (refused(error)) {
          this.recordFailure(event, index, opfoelgning, error);
          return true;
        }
        this.retrying = `${opfoelgning.type} for sag ${opfoelgning.data.sagId} at position ${event.position}: ${String(error)}`;
        if (attempt === 1) this.logger.warn(`retrying ${this.retrying}`);
        await this.pause(Math.min(100 * 2 ** attempt, MAX_RETRY_DELAY_MS));
      }
    }
    return false;
  }

  private recordFailure(event: RecordedEvent, index: number, opfoelgning: SagOpfoelgning, error: Error): void {
    const { sagId } = opfoelgning.data;
    this.logger.warn(
      `${opfoelgning.type} for sag ${sagId} refused at position ${event.position} (${event.type} ${event.id}): ${error.message}`,
    );
    this.checkpoints.recordFailure({
      manager: SAG_OPFOELGNING,
      eventId: event.id,
      followUp: index,
      position: event.position,
      eventType: event.type,
      command: opfoelgning.type,
      target: sagId,
      error: `${error.name}: ${error.message}`,
      recordedAt: new Date().toISOString(),
    });
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeRetry = () => (clearTimeout(timer), resolve());
    });
  }

  private save(): void {
    if (this.handled === this.saved) return;
    this.checkpoints.saveCheckpoint(SAG_OPFOELGNING, this.handled);
    this.saved = this.handled;
  }

  private saveSoon(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      if (this.subscription) this.save();
    }, IDLE_SAVE_MS);
    this.saveTimer.unref();
  }
}
