/**
 * Collects the appends issued while the event loop is busy and hands them to
 * `commit` together on the next turn, so that many concurrent requests share
 * one transaction and one fsync. Each request still succeeds or fails alone.
 */
export type Outcome<R> = { ok: R } | { error: unknown };

interface Waiter<R> {
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Groups handed to an asynchronous commit that may be in flight at once: the
 * next group is handed over while the one before is still being written, so
 * the writer goes on to it as soon as it is done and the appending thread
 * prepares the group after that meanwhile. The writer takes them in order,
 * one transaction each.
 */
const GROUPS_IN_FLIGHT = 2;

/** For a commit elsewhere: hand requests over at once, in groups of bounded size. */
export interface HandOver<T> {
  /**
   * The most a group may hold, measured by sizeOf. A burst becomes several
   * groups the writer takes one after the other, while the answers to the
   * first ones are already being turned into the next requests; unbounded,
   * the writer and the appending thread would wait for each other in turn.
   */
  maxGroupSize: number;
  sizeOf: (request: T) => number;
}

export class GroupCommit<T, R> {
  /** Requests and their waiters, side by side: once a group is handed over, only the waiters are kept. */
  private requests: T[] = [];
  private waiters: Waiter<R>[] = [];
  private scheduled = false;
  private inFlight = 0;
  private idle: Array<() => void> = [];

  /**
   * `commit` runs a group in one transaction, inline (returning the
   * outcomes) or elsewhere (returning a promise of them). With `handOver`,
   * for a commit elsewhere, a request goes over as soon as fewer than
   * GROUPS_IN_FLIGHT groups are in flight instead of on the next turn:
   * requests gather only while the writer is busy, which costs a lone
   * request no waiting. Inline, gathering until the next turn is what makes
   * groups at all.
   */
  constructor(
    private readonly commit: (requests: T[]) => Outcome<R>[] | Promise<Outcome<R>[]>,
    private readonly afterCommit: () => void,
    private readonly handOver?: HandOver<T>,
  ) {}

  submit(request: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.requests.push(request);
      this.waiters.push({ resolve, reject });
      if (this.handOver && this.inFlight < GROUPS_IN_FLIGHT) this.flush();
      else this.schedule();
    });
  }

  /** Resolves once every request submitted so far is committed or refused. */
  drained(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled || this.requests.length === 0 || this.inFlight >= GROUPS_IN_FLIGHT) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    if (this.requests.length === 0) return;
    const length = this.nextGroupLength();
    const requests = this.requests.splice(0, length);
    const batch = this.waiters.splice(0, length);
    let committed: Outcome<R>[] | Promise<Outcome<R>[]>;
    try {
      committed = this.commit(requests);
    } catch (error) {
      this.fail(batch, error);
      return;
    }
    if (!(committed instanceof Promise)) {
      this.settle(batch, committed);
      return;
    }
    this.inFlight++;
    if (this.handOver && this.inFlight < GROUPS_IN_FLIGHT) this.flush();
    committed
      .then(
        (outcomes) => this.settle(batch, outcomes),
        (error: unknown) => this.fail(batch, error),
      )
      .finally(() => {
        // What arrived meanwhile goes next, together with what the answers just given append in turn.
        this.inFlight--;
        if (this.handOver) this.flush();
        else this.schedule();
        this.wakeIfIdle();
      });
  }

  /** All that is queued, or with a hand-over as many requests as fit its group size (at least one). */
  private nextGroupLength(): number {
    if (!this.handOver) return this.requests.length;
    const { maxGroupSize, sizeOf } = this.handOver;
    let size = 0;
    let length = 0;
    while (length < this.requests.length && size < maxGroupSize) size += sizeOf(this.requests[length++]);
    return length;
  }

  private settle(batch: Waiter<R>[], outcomes: Outcome<R>[]): void {
    this.afterCommit();
    batch.forEach((pending, i) => {
      const outcome = outcomes[i];
      if ('ok' in outcome) pending.resolve(outcome.ok);
      else pending.reject(outcome.error);
    });
    this.wakeIfIdle();
  }

  /** The transaction itself failed (disk full, I/O error): nothing of it was acknowledged. */
  private fail(batch: Waiter<R>[], error: unknown): void {
    batch.forEach((pending) => pending.reject(error));
    this.wakeIfIdle();
  }

  private isIdle(): boolean {
    return !this.scheduled && this.inFlight === 0 && this.requests.length === 0;
  }

  private wakeIfIdle(): void {
    if (!this.isIdle()) return;
    const idle = this.idle;
    this.idle = [];
    idle.forEach((resolve) => resolve());
  }
}
