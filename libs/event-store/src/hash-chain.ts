import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { ChainedMetadata, EventData, JsonObject } from './event-store.port';

/** The prevHash of every stream's first event (revision 0): 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * hash = sha256(canonical JSON (RFC 8785) of { type, data, metadata without
 * the chain fields, prevHash }), hex encoded. Chained per stream.
 */
export function eventHash(type: string, data: JsonObject, metadata: JsonObject, prevHash: string): string {
  return hash('sha256', canonicalJson({ type, data, metadata: withoutChainFields(metadata), prevHash }), 'hex');
}

/**
 * `eventHash` from the canonical JSON of the data and of the chain-free
 * metadata, made beforehand: RFC 8785 orders the members data < metadata <
 * prevHash < type and writes each one's canonical form, so this text is the
 * canonical JSON of the whole object.
 */
export function chainHash(type: string, canonicalData: string, canonicalMetadata: string, prevHash: string): string {
  const canonical = `{"data":${canonicalData},"metadata":${canonicalMetadata},"prevHash":${JSON.stringify(prevHash)},"type":${JSON.stringify(type)}}`;
  return hash('sha256', canonical, 'hex');
}

/** The metadata without prevHash and hash; the object itself when it has neither. */
export function withoutChainFields(metadata: JsonObject): JsonObject {
  if (!Object.hasOwn(metadata, 'prevHash') && !Object.hasOwn(metadata, 'hash')) return metadata;
  const { prevHash: _prev, hash: _hash, ...rest } = metadata;
  return rest;
}

/** Adds prevHash and hash to each event's metadata, continuing the chain from `prevHash`. */
export function chainEvents(events: EventData[], prevHash: string): Array<EventData & { metadata: ChainedMetadata }> {
  let previous = prevHash;
  return events.map((event) => {
    const metadata = withoutChainFields(event.metadata ?? {});
    const hash = eventHash(event.type, event.data, metadata, previous);
    const chained = { ...event, metadata: { ...metadata, prevHash: previous, hash } };
    previous = hash;
    return chained;
  });
}
