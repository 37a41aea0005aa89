/**
 * The reading thread of SqliteEventStore.readLogPages (log-reader.ts): its
 * own read-only connection, pages of the global log without metadata as
 * JSON text, at most PAGES_AHEAD ahead of the thread that parses them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import type { LogPageRequest } from './log-reader';

/** Pages sent before the first of them is taken: the next is read while the last is worked on. */
const PAGES_AHEAD = 2;

type Row = [number, string, number, string, string, string];

const { file, fromPosition, toPosition, pageSize } = workerData as LogPageRequest;
const port = parentPort!;
const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
db.pragma('mmap_size = 268435456');
const page = db
  .prepare('SELECT position, stream_name, revision, id, type, data FROM events WHERE position >= ? AND position <= ? ORDER BY position LIMIT ?')
  .raw();

let next = fromPosition;
let credit = PAGES_AHEAD;
let finished = false;

/** One page as the JSON text of its LoggedEvents: the data is stored as JSON already. */
function readPage(): { text: string; count: number } {
  const rows = page.all(next, toPosition, pageSize) as Row[];
  let text = '[';
  for (let i = 0; i < rows.length; i++) {
    const [position, streamName, revision, id, type, data] = rows[i];
    text += `${i === 0 ? '' : ','}{"id":${JSON.stringify(id)},"streamName":${JSON.stringify(streamName)},"revision":${revision},"position":${position},"type":${JSON.stringify(type)},"data":${data}}`;
  }
  if (rows.length > 0) next = rows[rows.length - 1][0] + 1;
  return { text: text + ']', count: rows.length };
}

function send(): void {
  while (credit > 0 && !finished) {
    const { text, count } = readPage();
    credit--;
    port.postMessage({ text, done: count < pageSize });
    if (count < pageSize) {
      finished = true;
      db.close();
      port.close();
      return;
    }
  }
}

port.on('message', () => {
  credit++;
  send();
});
send();
