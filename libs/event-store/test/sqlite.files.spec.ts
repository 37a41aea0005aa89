import { randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { EventStoreDamaged, SqliteEventStore } from '../src';

const folder = mkdtempSync(join(tmpdir(), 'sagsgang-files-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const file = () => join(folder, `${randomUUID()}.sqlite`);

describe('the SQLite store’s file', () => {
  it('keeps its identity across openings, also read-only', async () => {
    const path = file();
    const store = new SqliteEventStore(path);
    const identity = await store.identity();
    await store.close();
    const again = new SqliteEventStore(path, { readonly: true });
    await expect(again.identity()).resolves.toBe(identity);
    await again.close();
  });

  it('gives another file another identity', async () => {
    const [one, other] = [new SqliteEventStore(file()), new SqliteEventStore(file())];
    expect(await one.identity()).not.toBe(await other.identity());
    await Promise.all([one.close(), other.close()]);
  });

  it('passes its integrity check when sound', async () => {
    const store = new SqliteEventStore(file());
    await store.append('s-1', [{ id: randomUUID(), type: 'A', data: {} }]);
    expect(() => store.checkIntegrity()).not.toThrow();
    await store.close();
  });

  it('refuses to open a file that is not a database, naming the file and what to do', () => {
    const path = file();
    writeFileSync(path, Buffer.alloc(8192, 0x41));
    const opening = () => new SqliteEventStore(path);
    expect(opening).toThrow(EventStoreDamaged);
    expect(opening).toThrow(new RegExp(`${path.replaceAll('/', '\\/')}.*sagsgang restore --from`));
  });

  it('fails its integrity check when a page of the log is overwritten', async () => {
    const path = file();
    const store = new SqliteEventStore(path);
    for (let i = 0; i < 200; i++) await store.append(`s-${i}`, [{ id: randomUUID(), type: 'A', data: { tekst: 'x'.repeat(500) } }]);
    await store.close();
    const db = new BetterSqlite3(path);
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0x7f), 0, pageSize, pageSize * 3);
    closeSync(fd);
    const reopened = new SqliteEventStore(path);
    expect(() => reopened.checkIntegrity()).toThrow(EventStoreDamaged);
    await reopened.close();
  });
});
