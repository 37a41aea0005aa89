import { ReadAllOptions, RecordedEvent, SubscribeOptions, Subscription, SubscriptionFilter } from './event-store.port';

/** What a store offers the generic catch-up subscription. */
export interface SubscribableLog {
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  /** The newest position, read synchronously so that 'end' means "now". */
  currentHead(): number;
  appended: AppendSignal;
}

/** Wakes subscribers when events are appended; subscribers also poll, for writers in other processes. */
export class AppendSignal {
  private waiters = new Set<() => void>();

  notify(): void {
    const waiters = this.waiters;
    this.waiters = new Set();
    waiters.forEach((wake) => wake());
  }

  wait(timeoutMs: number): { promise: Promise<void>; cancel: () => void } {
    let wake!: () => void;
    const promise = new Promise<void>((resolve) => (wake = resolve));
    const timer = setTimeout(() => this.release(wake), timeoutMs);
    this.waiters.add(wake);
    return { promise, cancel: () => (clearTimeout(timer), this.release(wake)) };
  }

  private release(wake: () => void): void {
    this.waiters.delete(wake);
    wake();
  }
}

const BATCH_SIZE = 500;

/**
 * Catch-up, then live: reads the global log after the checkpoint in batches,
 * and when it has caught up waits for an append signal (or a poll interval).
 * Position order and the checkpoint make gaps and duplicates impossible.
 */
export class LogSubscription implements Subscription {
  private checkpoint: number;
  private closed = false;
  private cancelWait?: () => void;

  constructor(
    private readonly log: SubscribableLog,
    options: SubscribeOptions,
    private readonly pollIntervalMs = 250,
  ) {
    const from = options.checkpoint ?? 'start';
    this.checkpoint = from === 'start' ? 0 : from === 'end' ? log.currentHead() : from;
    this.matches = compileFilter(options.filter);
  }

  private readonly matches: (event: RecordedEvent) => boolean;

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    while (!this.closed) {
      const batch = await this.log.readAll({ fromPosition: this.checkpoint + 1, maxCount: BATCH_SIZE });
      for (const event of batch) {
        if (this.closed) return;
        this.checkpoint = event.position;
        if (this.matches(event)) yield event;
      }
      if (batch.length < BATCH_SIZE) await this.waitForAppend();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.cancelWait?.();
  }

  private async waitForAppend(): Promise<void> {
    if (this.closed || this.log.currentHead() > this.checkpoint) return;
    const { promise, cancel } = this.log.appended.wait(this.pollIntervalMs);
    this.cancelWait = cancel;
    await promise;
    this.cancelWait = undefined;
  }
}

export function compileFilter(filter: SubscriptionFilter | undefined): (event: RecordedEvent) => boolean {
  const prefixes = filter?.streamPrefixes;
  const types = filter?.eventTypes ? new Set(filter.eventTypes) : undefined;
  return (event) => (!prefixes || prefixes.some((prefix) => event.streamName.startsWith(prefix))) && (!types || types.has(event.type));
}
