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

  constructor(
    private readonly commit: (requests: T[]) => Outcome<R>[],
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
    this.scheduled = false;
    try {
      const outcomes = this.commit(batch.map((pending) => pending.request));
      this.afterCommit();
      batch.forEach((pending, i) => {
        const outcome = outcomes[i];
        if ('ok' in outcome) pending.resolve(outcome.ok);
        else pending.reject(outcome.error);
      });
    } catch (error) {
      // The transaction itself failed (disk full, I/O error): nothing of it was acknowledged.
      batch.forEach((pending) => pending.reject(error));
    }
    const idle = this.idle;
    this.idle = [];
    idle.forEach((resolve) => resolve());
  }
}
