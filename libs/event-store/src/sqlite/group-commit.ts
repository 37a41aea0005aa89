/**
 * Collects the appends issued while the event loop is busy and hands them to
 * `commit` together on the next turn, so that many concurrent requests share
 * one transaction and one fsync. Each request still succeeds or fails alone.
 */
export type Outcome<R> = { ok: R } | { error: unknown };

interface Pending<T, R> {
  request: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<T, R> {
  private queue: Pending<T, R>[] = [];
  private scheduled = false;
  private idle: Array<() => void> = [];

  /**
   * `commit` runs a group in one transaction, inline (returning the
   * outcomes) or elsewhere (returning a promise of them). While an
   * asynchronous commit is in flight the next group gathers, and is handed
   * over once it is done: one transaction in flight at a time.
   */
  constructor(
    private readonly commit: (requests: T[]) => Outcome<R>[] | Promise<Outcome<R>[]>,
    private readonly afterCommit: () => void,
  ) {}

  submit(request: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Resolves once every request submitted so far is committed or refused. */
  drained(): Promise<void> {
    if (!this.scheduled) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private flush(): void {
    const batch = this.queue;
    this.queue = [];
    let committed: Outcome<R>[] | Promise<Outcome<R>[]>;
    try {
      committed = this.commit(batch.map((pending) => pending.request));
    } catch (error) {
      this.scheduled = false;
      this.fail(batch, error);
      return;
    }
    if (!(committed instanceof Promise)) {
      this.scheduled = false;
      this.settle(batch, committed);
      return;
    }
    committed
      .then(
        (outcomes) => this.settle(batch, outcomes),
        (error: unknown) => this.fail(batch, error),
      )
      .finally(() => {
        // What arrived meanwhile goes next, together with what the answers just given append in turn.
        if (this.queue.length > 0) setImmediate(() => this.flush());
        else {
          this.scheduled = false;
          this.wakeIdle();
        }
      });
  }

  private settle(batch: Pending<T, R>[], outcomes: Outcome<R>[]): void {
    this.afterCommit();
    batch.forEach((pending, i) => {
      const outcome = outcomes[i];
      if ('ok' in outcome) pending.resolve(outcome.ok);
      else pending.reject(outcome.error);
    });
    if (!this.scheduled) this.wakeIdle();
  }

  /** The transaction itself failed (disk full, I/O error): nothing of it was acknowledged. */
  private fail(batch: Pending<T, R>[], error: unknown): void {
    batch.forEach((pending) => pending.reject(error));
    if (!this.scheduled) this.wakeIdle();
  }

  private wakeIdle(): void {
    const idle = this.idle;
    this.idle = [];
    idle.forEach((resolve) => resolve());
  }
}
