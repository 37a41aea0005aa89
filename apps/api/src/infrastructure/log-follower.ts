import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, RecordedEvent } from '@sagsgang/event-store';

/** Keeps something derived from streams: told each new event of the log in order, or to forget all it keeps. */
export interface LogReader {
  note(event: RecordedEvent): void;
  forget(): void;
}

/** Events read per look at the log; a longer stretch unseen makes every reader forget instead. */
const BATCH = 1000;

/**
 * Follows the global log for caches that must be current, not as current as
 * a lagging read model: a request asks caughtUp() and, once it resolves,
 * every event appended before it asked has been noted by the readers, so
 * what they keep is what the streams hold now. Requests that ask in the same
 * turn of the event loop share one read of the log, made after all of them
 * asked: under load a handful of events per look, not a stream read per
 * cached item and request.
 */
@Injectable()
export class LogFollower {
  private readonly readers: LogReader[] = [];
  private seenUpTo?: number;
  private pending?: Promise<void>;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  follow(reader: LogReader): void {
    this.readers.push(reader);
  }

  /**
   * How far the log has been noted. Something read from a stream may be kept
   * only if this did not change while it was read: a look that passed its
   * newer events before it was kept would never tell about them again.
   */
  get seen(): number | undefined {
    return this.seenUpTo;
  }

  caughtUp(): Promise<void> {
    this.pending ??= new Promise<void>((resolve, reject) =>
      setImmediate(() => {
        this.pending = undefined;
        this.look().then(resolve, reject);
      }),
    );
    return this.pending;
  }

  private async look(): Promise<void> {
    const from = this.seenUpTo;
    if (from === undefined) {
      // Nothing is kept yet, so nothing before the head needs telling.
      this.seenUpTo = await this.store.headPosition();
      return;
    }
    // From the last event seen, inclusive: a position after it need not exist on every store.
    const events = await this.store.readAll({ fromPosition: from > 0 ? from : 'start', maxCount: BATCH });
    if (events.length === BATCH) {
      this.readers.forEach((reader) => reader.forget());
      this.seenUpTo = await this.store.headPosition();
      return;
    }
    for (const event of events) if (event.position > from) this.readers.forEach((reader) => reader.note(event));
    if (events.length > 0) this.seenUpTo = Math.max(this.seenUpTo ?? 0, events[events.length - 1].position);
  }
}
