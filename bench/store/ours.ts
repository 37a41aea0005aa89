import { join } from 'node:path';
import { EventData, EventStore } from '../../libs/event-store/src/event-store.port';
import { MemoryEventStore } from '../../libs/event-store/src/memory/memory-event-store';
import { SqliteEventStore } from '../../libs/event-store/src/sqlite/sqlite-event-store';
import { BenchEvent, Subject } from './data-set';

/** Our stores through the port, exactly as the engine uses them. */
class PortSubject implements Subject {
  constructor(
    readonly name: string,
    private readonly store: EventStore,
  ) {}

  async append(stream: string, events: BenchEvent[], expectedRevision: number): Promise<void> {
    await this.store.append(stream, events as EventData[], expectedRevision < 0 ? 'no_stream' : expectedRevision);
  }

  async revisionOf(stream: string): Promise<number> {
    const [last] = await this.store.readStream(stream, { direction: 'backwards', maxCount: 1 });
    return last ? last.revision : -1;
  }

  async readStream(stream: string): Promise<number> {
    return (await this.store.readStream(stream)).length;
  }

  async readAllPaged(pageSize: number): Promise<number> {
    let count = 0;
    let from = 1;
    for (;;) {
      const page = await this.store.readAll({ fromPosition: from, maxCount: pageSize });
      count += page.length;
      if (page.length < pageSize) return count;
      from = page[page.length - 1].position + 1;
    }
  }

  ready(): Promise<void> {
    return this.store instanceof SqliteEventStore ? this.store.ready() : Promise.resolve();
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

export function oursMemory(): Subject {
  return new PortSubject('sagsgang memory', new MemoryEventStore());
}

/** The library's default, durable mode: synchronous=FULL, every acknowledged append fsynced, committed on the calling thread. */
export function oursSqlite(folder: string): Subject {
  return new PortSubject(INLINE_SUBJECT, new SqliteEventStore(join(folder, 'sagsgang.sqlite')));
}

export const INLINE_SUBJECT = 'sagsgang SQLite';

/** As the API runs it: equally durable, the group's transaction and fsync on the store's writer thread. */
export function oursSqliteThread(folder: string): Subject {
  return new PortSubject(THREAD_SUBJECT, new SqliteEventStore(join(folder, 'sagsgang-thread.sqlite'), { writer: 'thread' }));
}

export const THREAD_SUBJECT = 'sagsgang SQLite, writer thread';
