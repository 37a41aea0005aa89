/**
 * Child process of the crash test: several writers append batches of 1–5
 * events with exact expected revisions until killed, and print one line per
 * acknowledged append. Run with ts-node; the parent SIGKILLs it. A third
 * argument, 'thread', commits on the store's writer thread.
 */
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '../../src/sqlite/sqlite-event-store';

const [file, writersArg, writer = 'inline'] = process.argv.slice(2);
const store = new SqliteEventStore(file, { writer: writer as 'inline' | 'thread' });

async function appendForever(index: number): Promise<never> {
  const revisions = new Map<string, number>();
  for (let round = 0; ; round++) {
    const stream = `crash-${index}-${round % 7}`;
    const current = revisions.get(stream);
    const size = 1 + (round % 5);
    const batchId = randomUUID();
    const events = Array.from({ length: size }, (_, i) => ({
      id: randomUUID(),
      type: 'Appended',
      data: { round, i, tekst: 'æøå'.repeat(20) },
      metadata: { batchId, batchSize: size },
    }));
    const result = await store.append(stream, events, current ?? 'no_stream');
    revisions.set(stream, result.nextExpectedRevision);
    process.stdout.write(`${JSON.stringify({ stream, batchId, size, ...result })}\n`);
  }
}

process.stdout.write('ready\n');
for (let i = 0; i < Number(writersArg); i++) void appendForever(i);
