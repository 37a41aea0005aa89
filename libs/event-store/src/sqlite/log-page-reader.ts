import type { Database, Statement } from 'better-sqlite3';
import { JsonObject, LoggedEvent, LogPagesOptions } from '../event-store.port';
import { validateStreamShare } from '../stream-share';

type Row = [number, string, number, string, string, string];

const COLUMNS = 'position, stream_name, revision, id, type, data';

/**
 * The global log for a rebuild, read on the calling connection: pages of
 * rows without metadata, each event's data parsed from the JSON it is stored
 * as. A share of the streams is picked out by SQLite, so rows of other
 * streams are never handed to JavaScript. The whole file is mapped into
 * memory (SQLite caps the size at 2 GB) instead of being copied through
 * read() page by page.
 */
export async function* readLogPagesFrom(
  db: Database,
  { afterPosition, toPosition, pageSize, streams }: LogPagesOptions,
): AsyncGenerator<LoggedEvent[]> {
  if (streams) validateStreamShare(streams);
  db.pragma('mmap_size = 2147483648');
  const inShare = streams ? `AND unicode(substr(stream_name, -1)) % ${streams.of} = ${streams.share}` : '';
  const page: Statement = db
    .prepare(`SELECT ${COLUMNS} FROM events WHERE position > ? AND position <= ? ${inShare} ORDER BY position LIMIT ?`)
    .raw();
  for (let after = afterPosition; ;) {
    const rows = page.all(after, toPosition, pageSize) as Row[];
    if (rows.length === 0) return;
    yield rows.map(([position, streamName, revision, id, type, data]) => ({
      id,
      streamName,
      revision,
      position,
      type,
      data: JSON.parse(data) as JsonObject,
    }));
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1][0];
  }
}
