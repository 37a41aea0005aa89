import { randomUUID } from 'node:crypto';
import canonicalize from 'canonicalize';
import { EventData, JsonObject } from '../event-store.port';
import { chainEvents, GENESIS_HASH } from '../hash-chain';
import { chainRows, prepareEvents } from './event-rows';
import { randomObject, seededRandom } from '../testing/random-json';

const rowsOf = (events: EventData[], prevHash: string) => chainRows(prepareEvents(events), prevHash);

/** The reference: chainEvents on the objects, with data and metadata as the stored JSON must parse back. */
function expectRowsLikeChainEvents(events: EventData[], prevHash: string): void {
  const rows = rowsOf(events, prevHash);
  chainEvents(events, prevHash).forEach((event, i) => {
    const row = rows[i];
    expect(row.hash).toBe(event.metadata.hash);
    expect(row.data).toBe(canonicalize(event.data));
    expect(JSON.parse(row.metadata)).toEqual(JSON.parse(JSON.stringify(event.metadata)));
    expect([row.id, row.type]).toEqual([event.id, event.type]);
  });
}

const event = (type: string, data: JsonObject, metadata?: JsonObject): EventData => ({ id: randomUUID(), type, data, metadata });

describe('prepareEvents and chainRows', () => {
  it('hash generated events exactly as chainEvents does and store data as canonical JSON', () => {
    const random = seededRandom(4711);
    for (let i = 0; i < 300; i++) {
      const batch = Array.from({ length: 1 + Math.floor(random() * 4) }, (_, j) =>
        event(`T${j}`, randomObject(random, 3), random() < 0.2 ? undefined : randomObject(random, 2)),
      );
      expectRowsLikeChainEvents(batch, i % 2 ? GENESIS_HASH : 'ab'.repeat(32));
    }
  });

  it.each<[string, EventData]>([
    ['no metadata', { id: randomUUID(), type: 'A', data: { b: 1, a: 2 } }],
    ['empty metadata', event('A', {}, {})],
    ['forged chain fields', event('A', { x: 1 }, { prevHash: 'forged', hash: 'forged', actor: 'x' })],
    ['only forged chain fields', event('A', { x: 1 }, { prevHash: 'forged', hash: 'forged' })],
    ['integer-like metadata keys', event('A', { x: 1 }, { '2': 'b', '10': 'a', z: 'c' })],
    ['Danish text and symbols', event('Æ', { titel: 'Børn og unge: æøå § 17 – “citat” 🙂' }, { actor: 'sagsbehandler æøå' })],
    ['a type needing escapes', event('A"\\\n', { x: 1 })],
  ])('match chainEvents with %s', (_name, single) => {
    expectRowsLikeChainEvents([single], GENESIS_HASH);
  });

  it('end the stored metadata with the chain fields, the forged ones dropped', () => {
    const [row] = rowsOf([event('A', { x: 1 }, { prevHash: 'forged', hash: 'forged', b: 1, a: 2 })], GENESIS_HASH);
    expect(row.metadata).toBe(`{"a":2,"b":1,"prevHash":"${GENESIS_HASH}","hash":"${row.hash}"}`);
  });

  it('continue the chain from event to event', () => {
    const rows = rowsOf([event('A', {}), event('B', {}), event('C', {})], GENESIS_HASH);
    rows.slice(1).forEach((row, i) => expect(JSON.parse(row.metadata).prevHash).toBe(rows[i].hash));
  });
});
