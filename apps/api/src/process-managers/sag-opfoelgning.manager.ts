import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore, LogAnchor, RecordedEvent } from '@sagsgang/event-store';
import { isMoedeEventType, MOEDE_STREAM_PREFIX, moedeEvent, SagOpfoelgning, sagOpfoelgning } from '@sagsgang/moede';
import { CommandResult } from '../commands/command-context';
import { DataFolder } from '../infrastructure/data-folder';
import { SagCommandMessage } from '../sager/sag-commands';
import { contextFor, refused } from './opfoelgning-context';
import { OpfoelgningWaiters } from './opfoelgning-waiters';
import { LogLoop } from './log-loop';
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
  /** How often it subscribed to the log again after losing it. */
  reconnects: number;
  /** The last time it went over the log again from its start because its checkpoint was not in the log, and why. */
  lastRewind?: { at: string; reason: string };
}

/**
 * Carries each meeting event on to the sag it concerns (`sagOpfoelgning`):
 * a punkt added puts the sag on the agenda, a punkt withdrawn or a meeting
 * cancelled takes it off, a beslutning routes it. Driven by the global log
 * from its own stored checkpoint, one event at a time in log order (LogLoop,
 * which also keeps it subscribed and checks the checkpoint against the log).
 *
 * - Idempotent: each follow-up is sent through the sag's own command path
 *   with the idempotency key `sag-opfoelgning/<event id>/<n>` and the meeting
 *   event's actor, so its event ids are derived from the triggering event;
 *   handling an event again (after a crash before the checkpoint was saved,
 *   or from the start of the log when the checkpoint is not in it) finds them
 *   in the sag's stream and appends nothing.
 * - The checkpoint moves past an event only once its follow-ups are appended.
 * - A follow-up the sag refuses (a domain error: the sag changed meanwhile) is
 *   logged with the event's position, stored and counted on /health, and
 *   skipped, so one sag cannot stall the others. Anything else (the store is
 *   unreachable, the disk is full) is retried with back-off until it succeeds
 *   or the app stops. A checkpoint that cannot be saved is saved later.
 */
@Injectable()
export class SagOpfoelgningManager {
  private readonly logger = new Logger('SagOpfoelgning');
  private readonly waiters = new OpfoelgningWaiters();
  private readonly loop: LogLoop;
  private stopping = false;
  private wakeRetry?: () => void;
  private saveTimer?: NodeJS.Timeout;
  private handled: LogAnchor = { position: 0 };
  private saved?: LogAnchor;
  private saveFailing = false;
  private storeId?: string;
  /** Every sag append for events up to `handled` is at or before this position. */
  private opfoelgningerTil = 0;
  private retrying?: string;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commandBus: CommandBus,
    private readonly checkpoints: ProcessManagerStore,
    private readonly dataFolder: DataFolder,
  ) {
    this.loop = new LogLoop(
      store,
      { anchor: () => this.handled, handle: (event) => this.handleEvent(event), rewind: () => this.rewind() },
      { name: 'SagOpfoelgning' },
    );
  }

  get running(): boolean {
    return this.loop.running;
  }

  async start(): Promise<void> {
    if (this.loop.running) return;
    this.handled = this.saved = this.checkpoints.checkpoint(SAG_OPFOELGNING);
    this.stopping = false;
    try {
      // Follow-ups appended before a restart are at most at the head.
      this.opfoelgningerTil = await this.store.headPosition();
    } catch {
      this.opfoelgningerTil = Number.MAX_SAFE_INTEGER; // until the store answers, a reader waits for every read model
    }
    await this.loop.start();
  }

  /** Stops after the event in hand (its follow-ups appended, or abandoned mid-retry) and saves the checkpoint. */
  async stop(): Promise<void> {
    if (!this.loop.running) return;
    this.stopping = true;
    this.wakeRetry?.();
    await this.loop.stop();
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.save();
    this.waiters.rejectAll('the process manager stopped');
  }

  /** Resolves, once every event up to `position` is handled, with the position the read models must reach. */
  waitFor(position: number, timeoutMs: number): Promise<number> {
    if (this.loop.state === 'failed') return Promise.reject(new Error(this.loop.error));
    return this.waiters.wait(position, timeoutMs, this.handled.position, this.opfoelgningerTil);
  }

  status(): ManagerStatus {
    const loopState = this.loop.state;
    const state = loopState === 'running' && this.retrying ? 'retrying' : loopState;
    const error = this.loop.error ?? this.retrying;
    const { reconnects, lastRewind } = this.loop;
    return {
      name: SAG_OPFOELGNING,
      state,
      checkpoint: this.handled.position,
      reconnects,
      ...(error ? { error } : {}),
      ...(lastRewind ? { lastRewind } : {}),
    };
  }

  failures() {
    return this.checkpoints.failures(SAG_OPFOELGNING);
  }

  private async handleEvent(event: RecordedEvent): Promise<boolean> {
    if (this.stopping) return false;
    const opfoelgninger = await this.carryOutAll(event);
    if (opfoelgninger === 'stopped') return false;
    this.storeId ??= await this.store.identity();
    this.handled = { position: event.position, eventId: event.id, storeId: this.storeId };
    if (opfoelgninger > 0) this.save();
    else this.saveSoon();
    this.waiters.update(this.handled.position, this.opfoelgningerTil);
    return true;
  }

  /** The checkpoint is not in this log: every event is handled again, which appends nothing already there. */
  private async rewind(): Promise<void> {
    const anchor = this.handled;
    const storeId = await this.store.identity();
    // Refusals of events in another store's log name nothing here; those of this store's older log still stand.
    this.checkpoints.forgetFailuresAfter(
      SAG_OPFOELGNING,
      anchor.storeId && anchor.storeId !== storeId ? 0 : await this.store.headPosition(),
    );
    this.handled = { position: 0 };
  }

  /** The number of follow-ups carried out, or 'stopped' if the app stopped while one was being retried. */
  private async carryOutAll(event: RecordedEvent): Promise<number | 'stopped'> {
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

  /** Stores the checkpoint; one that cannot be stored (a full disk) stays in memory and is stored by a later save. */
  private save(): void {
    const handled = this.handled;
    if (handled === this.saved) return;
    try {
      this.checkpoints.saveCheckpoint(SAG_OPFOELGNING, handled);
      this.saved = handled;
      if (this.saveFailing) this.logger.log(`checkpoint stored again (position ${handled.position})`);
      this.saveFailing = false;
    } catch (error) {
      this.dataFolder.writeFailed("the process manager's checkpoint", error);
      if (!this.saveFailing) this.logger.warn(`checkpoint not stored, trying again later: ${String(error)}`);
      this.saveFailing = true;
      this.saveSoon();
    }
  }

  private saveSoon(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      if (this.loop.running) this.save();
    }, IDLE_SAVE_MS);
    this.saveTimer.unref();
  }
}
