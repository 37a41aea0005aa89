import { randomUUID } from 'node:crypto';
import { EventData, JsonObject } from '../event-store.port';
import { chainEvents, GENESIS_HASH } from '../hash-chain';
import { chainRows } from './event-rows';
import { randomObject, seededRandom } from './testing/random-json';

/** What the store wrote before chainRows: chainEvents, then JSON.stringify of data and metadata. */
function reference(events: EventData[], prevHash: string) {
  return chainEvents(events, prevHash).map((event) => ({
    id: event.id,
    type: event.type,
    data: JSON.stringify(event.data),
    metadata: JSON.stringify(event.metadata),
    hash: event.metadata.hash,
  }));
}

const event = (type: string, data: JsonObject, metadata?: JsonObject): EventData => ({ id: randomUUID(), type, data, metadata });

describe('chainRows', () => {
  it('stores and hashes generated events exactly as chainEvents does', () => {
    const random = seededRandom(4711);
    for (let i = 0; i < 300; i++) {
      const batch = Array.from({ length: 1 + Math.floor(random() * 4) }, (_, j) =>
        event(`T${j}`, randomObject(random, 3), random() < 0.2 ? undefined : randomObject(random, 2)),
      );
      const prevHash = i % 2 ? GENESIS_HASH : 'ab'.repeat(32);
      expect(chainRows(batch, prevHash)).toEqual(reference(batch, prevHash));
    }
  });

  it.each<[string, EventData]>([
    ['no metadata', { id: randomUUID(), type: 'A', data: { b: 1, a: 2 } }],
    ['empty metadata', event('A', {}, {})],
    ['forged chain fields', event('A', { x: 1 }, { prevHash: 'forged', hash: 'forged', actor: 'x' })],
    ['integer-like metadata keys', event('A', { x: 1 }, { '2': 'b', '10': 'a', z: 'c' })],
    ['Danish text and symbols', event('Æ', { titel: 'Børn og unge: æøå § 17 – “citat” 🙂' }, { actor: 'sagsbehandler æøå' })],
    ['a class instance as data', { id: randomUUID(), type: 'A', data: new Date(0) as unknown as JsonObject }],
  ])('matches chainEvents with %s', (_name, single) => {
    expect(chainRows([single], GENESIS_HASH)).toEqual(reference([single], GENESIS_HASH));
  });

  it('continues the chain from event to event', () => {
    const rows = chainRows([event('A', {}), event('B', {}), event('C', {})], GENESIS_HASH);
    rows.slice(1).forEach((row, i) => expect(JSON.parse(row.metadata).prevHash).toBe(rows[i].hash));
  });
});
