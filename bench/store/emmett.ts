import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BenchEvent, Subject } from './data-set';

/**
 * The peer: Emmett (event-driven-io/emmett) in memory and on SQLite. It lives
 * in bench/peer with its own package.json so the product's install stays lean;
 * it is installed there on the first run only.
 */
export const PEER_DIR = join(__dirname, '..', 'peer');
const PACKAGES = ['@event-driven-io/emmett', '@event-driven-io/emmett-sqlite', 'sqlite3'];

// The few parts of Emmett's API the benchmark uses (its packages ship both ESM and CJS; we load the CJS build).
interface EmmettEvent {
  type: string;
  data: unknown;
  metadata?: unknown;
}
interface EmmettStore {
  appendToStream(stream: string, events: EmmettEvent[], options?: { expectedStreamVersion?: bigint }): Promise<unknown>;
  readStream(stream: string): Promise<{ currentStreamVersion: bigint; events: unknown[] }>;
}
interface EmmettSqliteConnection {
  close(): void;
}
interface EmmettCore {
  getInMemoryEventStore(): EmmettStore;
}
interface EmmettSqlite {
  getSQLiteEventStore(options: { fileName: string }): EmmettStore;
  sqliteConnection(options: { fileName: string }): EmmettSqliteConnection;
  readMessagesBatch(
    connection: EmmettSqliteConnection,
    options: { after: bigint; batchSize: number },
  ): Promise<{ currentGlobalPosition: bigint; messages: unknown[]; areEventsLeft: boolean }>;
}

export interface Peer {
  version: string;
  core: EmmettCore;
  sqlite: EmmettSqlite;
}

/** Installs the peer into bench/peer when it is missing (sqlite3 compiles from source, ~90 s). */
export function loadPeer(): Peer {
  const require = createRequire(join(PEER_DIR, 'package.json'));
  const installed = (): boolean => {
    try {
      PACKAGES.forEach((name) => require.resolve(name));
      require('sqlite3');
      return true;
    } catch {
      return false;
    }
  };
  if (!existsSync(join(PEER_DIR, 'node_modules')) || !installed()) {
    console.log('Installing the peer (Emmett, sqlite3) into bench/peer; sqlite3 compiles from source, ~90 s …');
    const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: PEER_DIR, stdio: 'inherit' });
    if (npm.status !== 0 || !installed()) throw new Error('installing the peer in bench/peer failed');
  }
  const manifest = join(PEER_DIR, 'node_modules', '@event-driven-io', 'emmett', 'package.json');
  const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  return {
    version,
    core: require('@event-driven-io/emmett') as EmmettCore,
    sqlite: require('@event-driven-io/emmett-sqlite') as EmmettSqlite,
  };
}

/**
 * Emmett's stream version is the number of events in the stream (0n: no
 * stream), ours the revision of the last one: expected version = revision + 1.
 */
class EmmettSubject implements Subject {
  readonly readAllPaged?: (pageSize: number) => Promise<number>;
  private readonly stores = new Map<number, EmmettStore>();

  /** `open` makes the store a writer uses; reads use writer 0's. */
  constructor(
    readonly name: string,
    private readonly open: () => EmmettStore,
    private readonly storePerWriter: boolean,
    globalLog?: (pageSize: number) => Promise<number>,
  ) {
    if (globalLog) this.readAllPaged = globalLog;
  }

  private store(writer: number): EmmettStore {
    const key = this.storePerWriter ? writer : 0;
    let store = this.stores.get(key);
    if (!store) this.stores.set(key, (store = this.open()));
    return store;
  }

  async append(stream: string, events: BenchEvent[], expectedRevision: number, writer: number): Promise<void> {
    const emmettEvents = events.map(({ type, data, metadata }) => ({ type, data, metadata }));
    await this.store(writer).appendToStream(stream, emmettEvents, { expectedStreamVersion: BigInt(expectedRevision + 1) });
  }

  async revisionOf(stream: string): Promise<number> {
    return Number((await this.store(0).readStream(stream)).currentStreamVersion) - 1;
  }

  async readStream(stream: string): Promise<number> {
    return (await this.store(0).readStream(stream)).events.length;
  }

  async close(): Promise<void> {}
}

export function emmettInMemory(peer: Peer): Subject {
  // Emmett's in-memory store has no read of the global log in its public API.
  const store = peer.core.getInMemoryEventStore();
  return new EmmettSubject('Emmett in-memory', () => store, false);
}

/**
 * Emmett's SQLite store opens and closes its connection around every call, and
 * concurrent calls on one instance share (and close) that connection: each
 * writer gets its own instance, as separate processes would. It keeps
 * sqlite3's default synchronous=FULL (in WAL mode).
 */
export function emmettSqlite(peer: Peer, folder: string): Subject {
  const fileName = join(folder, 'emmett.sqlite');
  const globalLog = async (pageSize: number): Promise<number> => {
    // The store itself reads no global log; its package exports the batch reader its consumers use.
    const connection = peer.sqlite.sqliteConnection({ fileName });
    try {
      let count = 0;
      let after = 0n;
      for (;;) {
        const batch = await peer.sqlite.readMessagesBatch(connection, { after, batchSize: pageSize });
        count += batch.messages.length;
        if (!batch.areEventsLeft) return count;
        after = batch.currentGlobalPosition;
      }
    } finally {
      connection.close();
    }
  };
  return new EmmettSubject('Emmett SQLite', () => peer.sqlite.getSQLiteEventStore({ fileName }), true, globalLog);
}
