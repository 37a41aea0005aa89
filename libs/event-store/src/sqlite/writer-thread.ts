/**
 * The writer thread of a SqliteEventStore opened with `writer: 'thread'`
 * (see ThreadWriter): its own connection to the file, the group's
 * transaction and its fsync, off the thread that serves requests.
 */
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { AppendRequest, AppendWriter } from './append-writer';
import { EventStatements } from './statements';
import { StreamHeads } from './stream-heads';
import { fromWireGroup, FromWriter, toWireError, toWireOutcome, ToWriter } from './writer-wire';

const { file, durability } = workerData as { file: string; durability: 'full' | 'relaxed' };
const port = parentPort!;
const db = new BetterSqlite3(file, { fileMustExist: true });
db.pragma('busy_timeout = 10000');
db.pragma('mmap_size = 268435456');
db.pragma(`synchronous = ${durability === 'relaxed' ? 'NORMAL' : 'FULL'}`);
const heads = new StreamHeads(db);
const writer = new AppendWriter(db, new EventStatements(db), heads);
const commitAll = db.transaction((requests: AppendRequest[]) => writer.applyGroup(requests));

port.postMessage({ ready: true } satisfies FromWriter);

port.on('message', (message: ToWriter) => {
  if (message.kind === 'close') {
    db.close();
    port.close();
    return;
  }
  let answer: FromWriter;
  try {
    answer = { id: message.id, outcomes: commitAll.immediate(fromWireGroup(message.group)).map(toWireOutcome) };
  } catch (error) {
    // The transaction itself failed (disk full, I/O error): nothing of it happened, and the cached heads may be wrong.
    heads.forget();
    answer = { id: message.id, failed: toWireError(error) };
  }
  port.postMessage(answer);
});
