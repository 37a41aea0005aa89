import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { AppendResult, EventStore, MemoryEventStore, StreamAppend } from '@sagsgang/event-store';
import { CommandContext } from '../commands/command-context';
import { SagsnummerAllocator } from '../sager/sagsnummer-allocator';
import { GRACE_MS, SagsnummerJournal } from './sagsnummer-journal';

const NOW = '2026-03-02T10:00:00.000Z';
const context: CommandContext = { actor: { userId: 'anna', role: 'sagsbehandler' }, correlationId: 'c', causationId: 'c', now: NOW };

/** EventStoreDB as the allocator meets it: streams appended one after the other, and a process that may die between them. */
class StoreWithoutTransactions extends MemoryEventStore {
  override readonly capabilities = { atomicMultiStreamAppend: false };
  crashAfterFirstStream = false;

  override async appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]> {
    const results: AppendResult[] = [];
    for (const { streamName, events, expectedRevision } of appends) {
      results.push(await this.append(streamName, events, expectedRevision));
      if (this.crashAfterFirstStream) throw new Error('the process died here');
    }
    return results;
  }
}

const create = (allocator: SagsnummerAllocator, sagId: string) =>
  allocator.allocate({
    sagId,
    streamName: `sag-${sagId}`,
    context,
    events: (sagsnummer) => [{ id: randomUUID(), type: 'SagOprettet', data: { sagId, sagsnummer }, metadata: { recordedAt: NOW } }],
  });

describe('The sagsnummer journal on a store without transactions across streams', () => {
  let store: StoreWithoutTransactions;
  let journal: SagsnummerJournal;
  let warned: jest.SpyInstance;
  const later = Date.parse(NOW) + GRACE_MS + 1;

  beforeEach(async () => {
    // given one sag created, and one whose process died between its number and its sag
    warned = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    store = new StoreWithoutTransactions();
    journal = new SagsnummerJournal(store as EventStore);
    const allocator = new SagsnummerAllocator(store);
    await create(allocator, 'a');
    store.crashAfterFirstStream = true;
    await create(allocator, 'b').catch(() => undefined);
  });

  afterEach(() => warned.mockRestore());

  it('annuls the number granted without its sag once the grace has passed, and only that one, saying so in the log', async () => {
    expect(await journal.sweep(later)).toBe(1);
    expect(warned).toHaveBeenCalledWith(expect.stringContaining('sagsnummer 26/2 was granted at position 3 but its sag b never created'));
    expect(await journal.entries(26)).toEqual([
      expect.objectContaining({ sagsnummer: '26/1', sagId: 'a', status: 'i brug' }),
      expect.objectContaining({ sagsnummer: '26/2', sagId: 'b', status: 'annulleret' }),
    ]);
  });

  it('leaves a number alone within the grace: its sag may be on its way', async () => {
    expect(await journal.sweep(Date.parse(NOW))).toBe(0);
    expect((await journal.entries(26)).map((entry) => entry.status)).toEqual(['i brug', 'i brug']);
  });

  it('annuls a number once, however often it looks, also after a restart', async () => {
    await journal.sweep(later);
    await new SagsnummerJournal(store as EventStore).sweep(later);
    expect(await store.readStream('sagsnummer-26-annulleret')).toHaveLength(1);
  });
});
