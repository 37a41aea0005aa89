import { RecordedEvent, Subscription, SubscriptionEnded } from '@sagsgang/event-store';

/** While catching up, the pump lets the event loop turn after this many events. */
const YIELD_EVERY = 1000;

/** Why a session ended: stopped on purpose, or cut off (then `error` says how). */
export type SessionEnd = { kind: 'stopped' } | { kind: 'interrupted'; error: unknown };

export interface SessionHandlers {
  /** One event, in log order. */
  receive(event: RecordedEvent): void;
  /** Commit what was received up to this event; throwing interrupts the session. */
  commit(last: RecordedEvent): void;
  /** False once nothing is left to apply (every projection failed). */
  wanted(): boolean;
  /** Once, the first time the subscription has nothing ready. */
  caughtUp(): void;
  /** The session is over; nothing of it is committed after this. */
  ended(end: SessionEnd): void;
}

/**
 * One subscription's life in the projection runner: events are handed over
 * as they arrive and committed in batches — a full batch while catching up;
 * when live, as soon as the subscription has nothing ready (the pump is left
 * waiting for the next event at a turn of the event loop), so a waiting query
 * pays one turn, not a batch. During a long catch-up the pump also yields
 * every YIELD_EVERY events (without committing), since a store may deliver
 * the whole log without a macrotask and requests must still get in.
 *
 * A failed commit, a failed read or a subscription that simply ends cuts the
 * session off: what was received since the last commit is dropped (the runner
 * reads it again), and `ended` says why. stop() commits what was received.
 */
export class LogSession {
  private last?: RecordedEvent;
  private pending = 0;
  private commitScheduled = false;
  private waitingForEvents = false;
  private announcedCaughtUp = false;
  private end?: SessionEnd;
  private readonly pumping: Promise<void>;

  constructor(
    private readonly subscription: Subscription,
    private readonly handlers: SessionHandlers,
    private readonly batchSize: number,
  ) {
    this.pumping = this.pump();
  }

  get active(): boolean {
    return this.end === undefined;
  }

  /** Closes the subscription and resolves once what was received is committed (or the session was cut off). */
  async stop(): Promise<void> {
    this.end ??= { kind: 'stopped' };
    await this.subscription.close();
    await this.pumping;
  }

  private async pump(): Promise<void> {
    const iterator = this.subscription[Symbol.asyncIterator]();
    try {
      for (let received = 1; this.active; received++) {
        this.waitingForEvents = true;
        const next = await iterator.next();
        this.waitingForEvents = false;
        if (next.done) {
          if (this.active) this.interrupt(new SubscriptionEnded());
          break;
        }
        if (!this.active) break;
        this.take(next.value);
        if (!this.handlers.wanted()) this.end ??= { kind: 'stopped' };
        if (received % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      this.interrupt(error);
    } finally {
      await iterator.return?.().catch(() => undefined);
      if (this.end?.kind === 'stopped') this.commitSafely();
      this.handlers.ended(this.end ?? { kind: 'stopped' });
    }
  }

  private take(event: RecordedEvent): void {
    this.handlers.receive(event);
    this.last = event;
    this.pending++;
    if (this.pending >= this.batchSize) this.commit();
    else this.scheduleCommit();
  }

  /** Commits once the pump is found waiting for the subscription at a turn of the event loop. */
  private scheduleCommit(): void {
    if (this.commitScheduled) return;
    this.commitScheduled = true;
    setImmediate(() => {
      this.commitScheduled = false;
      if (!this.active) return;
      if (!this.waitingForEvents) {
        if (this.pending > 0) this.scheduleCommit();
        return;
      }
      if (!this.commitSafely()) return;
      if (!this.announcedCaughtUp) this.handlers.caughtUp();
      this.announcedCaughtUp = true;
    });
  }

  private commit(): void {
    if (this.pending === 0 || !this.last) return;
    this.pending = 0;
    this.handlers.commit(this.last);
  }

  private commitSafely(): boolean {
    try {
      this.commit();
      return true;
    } catch (error) {
      this.interrupt(error);
      return false;
    }
  }

  private interrupt(error: unknown): void {
    if (this.end?.kind === 'interrupted') return;
    this.end = { kind: 'interrupted', error };
    void this.subscription.close().catch(() => undefined);
  }
}
