import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { RecordedEvent, SqliteEventStore } from '../src';

interface Ack {
  stream: string;
  batchId: string;
  size: number;
  nextExpectedRevision: number;
  position: number;
}

const ACKS_BEFORE_KILL = 400;

/** Starts the append loop, waits for some acknowledgements, then SIGKILLs it mid-write. */
async function appendUntilKilled(file: string, writer: 'inline' | 'thread'): Promise<Ack[]> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(__dirname, 'crash', 'append-loop.ts'), file, '8', writer],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const acks: Ack[] = [];
  const exited = new Promise((resolve) => child.on('exit', resolve));
  for await (const line of createInterface({ input: child.stdout })) {
    if (line === 'ready') continue;
    acks.push(JSON.parse(line) as Ack);
    if (acks.length === ACKS_BEFORE_KILL) child.kill('SIGKILL');
  }
  await exited;
  return acks;
}

describe.each(['inline', 'thread'] as const)('SQLite store (%s writer) after SIGKILL during appends', (writer) => {
  const folder = mkdtempSync(join(tmpdir(), 'sagsgang-crash-'));
  const file = join(folder, 'events.sqlite');
  let acks: Ack[];
  let log: RecordedEvent[];

  beforeAll(async () => {
    acks = await appendUntilKilled(file, writer);
    const reopened = new SqliteEventStore(file);
    log = await reopened.readAll();
    await reopened.close();
  }, 60_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('was killed while appending', () => {
    expect(acks.length).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);
  });

  it('keeps every acknowledged append', () => {
    const byPosition = new Map(log.map((event) => [event.position, event]));
    for (const ack of acks) {
      const last = byPosition.get(ack.position);
      expect(last).toMatchObject({ streamName: ack.stream, revision: ack.nextExpectedRevision });
      expect(last?.metadata.batchId).toBe(ack.batchId);
    }
  });

  it('holds no half batch', () => {
    const counts = new Map<string, { seen: number; size: number }>();
    for (const event of log) {
      const batchId = String(event.metadata.batchId);
      const entry = counts.get(batchId) ?? { seen: 0, size: Number(event.metadata.batchSize) };
      counts.set(batchId, { ...entry, seen: entry.seen + 1 });
    }
    for (const [, { seen, size }] of counts) expect(seen).toBe(size);
  });

  it('has no holes in global positions', () => {
    expect(log.map((event) => event.position)).toEqual(log.map((_, i) => i + 1));
  });

  it('has contiguous revisions from 0 in every stream', () => {
    const next = new Map<string, number>();
    for (const event of log) {
      expect(event.revision).toBe(next.get(event.streamName) ?? 0);
      next.set(event.streamName, event.revision + 1);
    }
  });
});
