/** Thrown to a waiter when the manager has not reached the position in time, or stopped. */
export class OpfoelgningNotReached extends Error {
  override readonly name = 'OpfoelgningNotReached';
}

interface Waiter {
  position: number;
  resolve: (opfoelgningerTil: number) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Callers waiting until a process manager has handled the log up to a
 * position; each learns the highest position the manager appended up to
 * then, which the read models must reach for the caller to see the effects.
 */
export class OpfoelgningWaiters {
  private readonly waiters = new Set<Waiter>();

  wait(position: number, timeoutMs: number, handled: number, opfoelgningerTil: number): Promise<number> {
    if (handled >= position) return Promise.resolve(opfoelgningerTil);
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new OpfoelgningNotReached(`not at position ${position} within ${timeoutMs} ms (at ${handled})`));
      }, timeoutMs);
      const waiter: Waiter = { position, resolve, reject, timer };
      this.waiters.add(waiter);
    });
  }

  update(handled: number, opfoelgningerTil: number): void {
    for (const waiter of this.waiters) {
      if (handled < waiter.position) continue;
      this.waiters.delete(waiter);
      clearTimeout(waiter.timer);
      waiter.resolve(opfoelgningerTil);
    }
  }

  rejectAll(reason: string): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new OpfoelgningNotReached(reason));
    }
    this.waiters.clear();
  }
}
