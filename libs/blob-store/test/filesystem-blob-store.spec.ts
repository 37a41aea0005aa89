import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, promises, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FilesystemBlobStore } from '../src';

describe('FilesystemBlobStore', () => {
  const root = mkdtempSync(join(tmpdir(), 'sagsgang-blobs-'));
  const store = new FilesystemBlobStore(root);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('names a blob by the sha256 of its bytes and reads it back exactly', async () => {
    const content = Buffer.from('Handleplan 2016-17 æøå', 'utf8');
    const stored = await store.put(content);
    expect(stored).toEqual({ sha256: createHash('sha256').update(content).digest('hex'), size: content.length });
    expect(await store.get(stored.sha256)).toEqual(content);
  });

  it('stores the same content once', async () => {
    const content = Buffer.from('samme indhold');
    const first = await store.put(content);
    await store.put(content);
    expect(readdirSync(join(root, first.sha256.slice(0, 2))).filter((name) => name.startsWith(first.sha256))).toEqual([first.sha256]);
  });

  it('answers undefined for an unknown or malformed hash', async () => {
    expect(await store.get('0'.repeat(64))).toBeUndefined();
    expect(await store.get('../../etc/passwd')).toBeUndefined();
    expect(await store.open('0'.repeat(64))).toBeUndefined();
  });

  describe('receiving a stream', () => {
    const pending = () => readdirSync(join(root, 'tmp'));
    async function* chunks(...parts: string[]) {
      for (const part of parts) yield Buffer.from(part);
    }
    async function* failingAfter(part: string) {
      yield Buffer.from(part);
      throw new Error('the client went away');
    }

    it('hashes the chunks as they come and makes them a blob only when kept', async () => {
      const received = await store.receive(chunks('første del, ', 'anden del'));
      const content = Buffer.from('første del, anden del');
      expect(received).toMatchObject({ sha256: createHash('sha256').update(content).digest('hex'), size: content.length });
      expect(await store.has(received.sha256)).toBe(false);

      await received.keep();

      expect(await store.get(received.sha256)).toEqual(content);
      expect(pending()).toEqual([]);
    });

    it('leaves nothing behind when discarded', async () => {
      const received = await store.receive(chunks('kasseres'));
      await received.discard();
      expect(await store.has(received.sha256)).toBe(false);
      expect(pending()).toEqual([]);
    });

    it('leaves nothing behind when the chunks fail', async () => {
      await expect(store.receive(failingAfter('halvdelen'))).rejects.toThrow('the client went away');
      expect(pending()).toEqual([]);
    });

    it('streams a blob back with its size', async () => {
      const { sha256 } = await store.put(Buffer.from('læses som strøm'));
      const opened = (await store.open(sha256))!;
      const read: Buffer[] = [];
      for await (const chunk of opened.stream) read.push(chunk as Buffer);
      expect(Buffer.concat(read).toString()).toBe('læses som strøm');
      expect(opened.size).toBe(Buffer.byteLength('læses som strøm'));
    });

    it('fails the stream at its end when the file no longer hashes to its name', async () => {
      const { sha256 } = await store.put(Buffer.from('original'));
      writeFileSync(join(root, sha256.slice(0, 2), sha256), 'ændret');
      const opened = (await store.open(sha256))!;
      await expect(
        (async () => {
          for await (const _chunk of opened.stream);
        })(),
      ).rejects.toThrow(`blob ${sha256} has changed on disk`);
    });
  });

  it('removes its temporary file when a write fails for lack of space, and stores the bytes once there is room', async () => {
    // given a disk that fills up halfway through the next write
    const open = promises.open.bind(promises);
    jest.spyOn(promises, 'open').mockImplementationOnce(async (path, flags, mode) => {
      const handle = await open(path, flags, mode);
      const noSpace = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return {
        write: async () => (await handle.write(Buffer.from('halv')), Promise.reject(noSpace)),
        sync: () => handle.sync(),
        close: () => handle.close(),
      } as unknown as promises.FileHandle;
    });
    const content = Buffer.from('Bilag der ikke var plads til');
    // when
    await expect(store.put(content)).rejects.toMatchObject({ code: 'ENOSPC' });
    // then
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
    const { sha256 } = await store.put(content);
    expect(readdirSync(join(root, sha256.slice(0, 2)))).toEqual([sha256]);
    expect(await store.get(sha256)).toEqual(content);
  });

  it('removes the temporary files a crash left behind, in its own folder and beside the blobs', () => {
    mkdirSync(join(root, 'ab'), { recursive: true });
    mkdirSync(join(root, 'tmp'), { recursive: true });
    const left = [join(root, 'ab', `ab${'0'.repeat(62)}.3f2c.tmp`), join(root, 'tmp', '3f2c.tmp')];
    for (const file of left) writeFileSync(file, 'halvt skrevet');
    store.removeTemporaryFiles();
    expect(left.filter((file) => existsSync(file))).toEqual([]);
  });
});
