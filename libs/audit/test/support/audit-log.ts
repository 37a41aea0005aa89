import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { EventStore, JsonObject, MemoryEventStore, RecordedEvent, SQLITE_FILE_NAME, SqliteEventStore } from '@sagsgang/event-store';

export const T0 = Date.parse('2025-03-03T09:00:00.000Z');
const MINUTE = 60_000;

/** A deterministic UUID per number, so tests can name events. */
export function eventId(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/**
 * A small realistic log: three sager, a meeting and a sagsnummer counter,
 * their events interleaved as the API would write them, one minute apart
 * (recordedAt), batches of one or two events. Returns the events as stored.
 */
export async function writeAuditLog(store: EventStore): Promise<RecordedEvent[]> {
  const plan: Array<[string, string[]]> = [
    ['sagsnummer-25', ['SagsnummerTildelt']],
    ['sag-a', ['SagOprettet']],
    ['sagsnummer-25', ['SagsnummerTildelt']],
    ['sag-b', ['SagOprettet', 'AnledningSkrevet']],
    ['sag-a', ['AnledningSkrevet']],
    ['moede-m', ['MoedeIndkaldt']],
    ['sag-a', ['SagsfremstillingSkrevet', 'IndstillingGivet']],
    ['sagsnummer-25', ['SagsnummerTildelt']],
    ['sag-c', ['SagOprettet']],
    ['moede-m', ['PunktOptaget']],
    ['sag-b', ['IndstillingGivet']],
    ['sag-a', ['BeslutningTruffet']],
    ['moede-m', ['MoedeAfsluttet']],
    ['sag-c', ['AnledningSkrevet']],
  ];
  let n = 0;
  for (const [stream, types] of plan) {
    await store.append(
      stream,
      types.map((type) => {
        n++;
        return { id: eventId(n), type, data: dataFor(stream, type, n), metadata: metadataAt(n) };
      }),
    );
  }
  return store.readAll();
}

function dataFor(stream: string, type: string, n: number): JsonObject {
  return { stream, type, tekst: `Begivenhed nummer ${n} på ${stream}: æøå`, nummer: n, liste: [n, `${n}`, { dybt: n % 2 === 0 }] };
}

function metadataAt(n: number): JsonObject {
  return {
    actor: { userId: `bruger-${n % 3}`, role: n % 2 ? 'sagsbehandler' : 'sekretaer' },
    correlationId: `korrelation-${n}`,
    causationId: `aarsag-${n}`,
    recordedAt: new Date(T0 + n * MINUTE).toISOString(),
  };
}

export function recordedAt(n: number): string {
  return new Date(T0 + n * MINUTE).toISOString();
}

/** A folder with a SQLite event store; `open` reopens the file, `sql` changes it behind the store's back. */
export class SqliteFolder {
  readonly dir = mkdtempSync(join(tmpdir(), 'sagsgang-audit-'));
  readonly file = join(this.dir, SQLITE_FILE_NAME);
  private readonly opened: EventStore[] = [];

  open(options: { readonly?: boolean } = {}): SqliteEventStore {
    const store = new SqliteEventStore(this.file, { durability: 'relaxed', ...options });
    this.opened.push(store);
    return store;
  }

  /** Runs a change on the closed file with better-sqlite3 directly, as an attacker with file access would. */
  sql<T>(change: (db: BetterSqlite3.Database) => T): T {
    const db = new BetterSqlite3(this.file);
    try {
      return change(db);
    } finally {
      db.close();
    }
  }

  async remove(): Promise<void> {
    await Promise.all(this.opened.map((store) => store.close()));
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export function memoryStore(): MemoryEventStore {
  return new MemoryEventStore();
}

/** The row of a stream's revision, as stored. */
export function rowOf(db: BetterSqlite3.Database, stream: string, revision: number): { position: number; data: string; metadata: string } {
  return db.prepare('SELECT position, data, metadata FROM events WHERE stream_name = ? AND revision = ?').get(stream, revision) as {
    position: number;
    data: string;
    metadata: string;
  };
}
