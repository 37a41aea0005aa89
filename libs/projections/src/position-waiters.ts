import { PositionNotReached } from './errors';

/** Which projections a waiter waits for: all of them, or the named ones. */
export type Scope = ReadonlySet<string> | undefined;

/** What the waiters need to know about the projections after each batch. */
export interface Progress {
  /** The lowest checkpoint over the projections in scope. */
  lowest(scope: Scope): number;
  /** Why `position` can never be reached in scope without a restart (a failed projection), if so. */
  blocker(position: number, scope: Scope): unknown;
}

interface Waiter {
  position: number;
  scope: Scope;
  resolve: () => void;
  reject: (error: unknown) => void;
  timer?: NodeJS.Timeout;
}

/** Callers waiting for the read models to reach a global position (read-your-own-writes). */
export class PositionWaiters {
  private readonly waiters = new Set<Waiter>();

  wait(position: number, timeoutMs: number, scope: Scope, progress: Progress): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { position, scope, resolve, reject };
      if (this.settle(waiter, progress)) return;
      this.waiters.add(waiter);
      // An infinite wait sets no timer (setTimeout would turn Infinity into 1 ms).
      if (Number.isFinite(timeoutMs)) {
        const expire = () => this.finish(waiter, new PositionNotReached(position, timeoutMs, progress.lowest(scope)));
        waiter.timer = setTimeout(expire, timeoutMs);
      }
    });
  }

  /** Resolves the waiters whose position is reached and rejects those that cannot be. */
  update(progress: Progress): void {
    for (const waiter of this.waiters) this.settle(waiter, progress);
  }

  rejectAll(error: unknown): void {
    for (const waiter of this.waiters) this.finish(waiter, error);
  }

  private settle(waiter: Waiter, progress: Progress): boolean {
    if (progress.lowest(waiter.scope) >= waiter.position) return this.finish(waiter);
    const blocker = progress.blocker(waiter.position, waiter.scope);
    return blocker ? this.finish(waiter, blocker) : false;
  }

  private finish(waiter: Waiter, error?: unknown): true {
    this.waiters.delete(waiter);
    if (waiter.timer) clearTimeout(waiter.timer);
    if (error) waiter.reject(error);
    else waiter.resolve();
    return true;
  }
}
