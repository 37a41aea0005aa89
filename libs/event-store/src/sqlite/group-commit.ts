/**
 * Collects the appends issued while the event loop is busy and hands them to
 * `commit` together, so that many concurrent requests share one transaction
 * and one fsync. Each request still succeeds or fails alone.
 */
export type Outcome<R> = { ok: R } | { error: unknown };

interface Waiter<R> {
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/** Groups an asynchronous commit may have in flight: the writer takes them in order, one transaction each. */
const GROUPS_IN_FLIGHT = 2;

/** For a commit that runs elsewhere (a writer thread): how large a group may grow, measured by sizeOf. */
export interface HandOver<T> {
  maxGroupSize: number;
  sizeOf: (request: T) => number;
}

export class GroupCommit<T, R> {
  /** Requests and their waiters, side by side: once a group is handed over, only the waiters are kept. */
  private requests: T[] = [];
  private waiters: Waiter<R>[] = [];
  private queuedSize = 0;
  private scheduled = false;
  private inFlight = 0;
  private idle: Array<() => void> = [];

  /**
   * `commit` runs a group in one transaction, inline (returning the
   * outcomes) or elsewhere (returning a promise of them). The requests of
   * one turn of the event loop make a group, handed over on the next turn.
   *
   * With `handOver`, for a commit elsewhere: up to GROUPS_IN_FLIGHT groups
   * are in flight, each at most maxGroupSize. A request goes over at once
   * when nothing is in flight (a lone append waits for nothing), and so does
   * a full group; smaller ones gather for a turn. A burst of large appends
   * thus becomes several groups, and the writer commits one while the
   * appending thread turns the answers to the one before into new requests,
   * instead of each waiting for the other in turn.
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
      if (this.handOver) this.queuedSize += this.handOver.sizeOf(request);
      if (this.handOver && (this.inFlight === 0 || this.fullGroupWaits())) this.flush();
      else this.schedule();
    });
  }

  /** Resolves once every request submitted so far is committed or refused. */
  drained(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private fullGroupWaits(): boolean {
    return this.inFlight < GROUPS_IN_FLIGHT && this.queuedSize >= this.handOver!.maxGroupSize;
  }

  private schedule(): void {
    if (this.scheduled || this.requests.length === 0 || this.inFlight >= GROUPS_IN_FLIGHT) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      while (this.requests.length > 0 && this.inFlight < GROUPS_IN_FLIGHT) this.flush();
    });
  }

  /** Hands over everything queued, or with a hand-over as much as fits a group (at least one request). */
  private flush(): void {
    const length = this.groupLength();
    const requests = this.requests.splice(0, length);
    const group = this.waiters.splice(0, length);
    let committed: Outcome<R>[] | Promise<Outcome<R>[]>;
    try {
      committed = this.commit(requests);
    } catch (error) {
      this.fail(group, error);
      return;
    }
    if (!(committed instanceof Promise)) {
      this.settle(group, committed);
      return;
    }
    this.inFlight++;
    committed
      .then(
        (outcomes) => this.settle(group, outcomes),
        (error: unknown) => this.fail(group, error),
      )
      .finally(() => {
        // What gathered meanwhile goes next, with what the answers just given append in turn.
        this.inFlight--;
        if (this.handOver && this.fullGroupWaits()) this.flush();
        else this.schedule();
        this.wakeIfIdle();
      });
  }

  private groupLength(): number {
    if (!this.handOver) return this.requests.length;
    const { maxGroupSize, sizeOf } = this.handOver;
    let size = 0;
    let length = 0;
    while (length < this.requests.length && size < maxGroupSize) size += sizeOf(this.requests[length++]);
    this.queuedSize -= size;
    return length;
  }

  private settle(group: Waiter<R>[], outcomes: Outcome<R>[]): void {
    this.afterCommit();
    group.forEach((waiter, i) => {
      const outcome = outcomes[i];
      if ('ok' in outcome) waiter.resolve(outcome.ok);
      else waiter.reject(outcome.error);
    });
    this.wakeIfIdle();
  }

  /** The transaction itself failed (disk full, I/O error): nothing of it was acknowledged. */
  private fail(group: Waiter<R>[], error: unknown): void {
    group.forEach((waiter) => waiter.reject(error));
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
