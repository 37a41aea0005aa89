import type { EventStore, RecordedEvent, SubscribeOptions, Subscription } from '@sagsgang/event-store';

/** What a subscription does after delivering some events: fail with an error, or simply end. */
export type Cut = { after: number; error?: unknown };

/**
 * An event store that passes everything to the one it wraps, except that
 * the subscriptions it is told to cut stop after some events, as an
 * EventStoreDB subscription does when its server restarts or the leader
 * changes. `swap` replaces the store underneath, as a restore under a
 * running API would.
 */
export class UnreliableStore implements EventStore {
  readonly cuts: Cut[] = [];
  subscriptions = 0;

  constructor(public store: EventStore) {}

  get capabilities() {
    return this.store.capabilities;
  }

  swap(store: EventStore): void {
    this.store = store;
  }

  append: EventStore['append'] = (...args) => this.store.append(...args);
  appendToStreams: EventStore['appendToStreams'] = (appends) => this.store.appendToStreams(appends);
  readStream: EventStore['readStream'] = (...args) => this.store.readStream(...args);
  readAll: EventStore['readAll'] = (options) => this.store.readAll(options);
  readLogPages: EventStore['readLogPages'] = (options) => this.store.readLogPages(options);
  headPosition = () => this.store.headPosition();
  identity = () => this.store.identity();
  close = () => this.store.close();

  subscribeToAll(options?: SubscribeOptions): Subscription {
    this.subscriptions++;
    const inner = this.store.subscribeToAll(options);
    const cut = this.cuts.shift();
    if (!cut) return inner;
    return {
      close: () => inner.close(),
      async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
        let delivered = 0;
        for await (const event of inner) {
          if (delivered++ === cut.after) {
            await inner.close();
            if (cut.error) throw cut.error;
            return;
          }
          yield event;
        }
      },
    };
  }
}

export const unavailable = () => Object.assign(new Error('14 UNAVAILABLE: No connection established'), { type: 'unavailable' });
export const diskFull = () => Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
