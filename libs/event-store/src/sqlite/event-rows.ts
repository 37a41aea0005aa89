import { hash as sha256 } from 'node:crypto';
import { EventData, JsonObject } from '../event-store.port';
import { eventHash, withoutChainFields } from '../hash-chain';
import { canonicalJson } from './canonical-json';

/** One event's row as stored, with the hash that continues the chain after it. */
export interface ChainedRow {
  id: string;
  type: string;
  data: string;
  metadata: string;
  hash: string;
}

/**
 * The rows of a batch, chained from `prevHash`: byte for byte what
 * `chainEvents` followed by `JSON.stringify` of data and metadata gives (the
 * spec beside this file checks it), built for the append path with one
 * serialisation per purpose and no intermediate objects.
 */
export function chainRows(events: EventData[], prevHash: string): ChainedRow[] {
  const rows = new Array<ChainedRow>(events.length);
  let previous = prevHash;
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    const metadata = chainFree(event.metadata ?? {});
    const hash = canonicalHash(event.type, event.data, metadata, previous);
    rows[i] = {
      id: event.id,
      type: event.type,
      data: JSON.stringify(event.data),
      metadata: storedMetadata(metadata, previous, hash),
      hash,
    };
    previous = hash;
  }
  return rows;
}

/**
 * `eventHash`, composed from the canonical JSON of the parts: canonicalisation
 * sorts the keys data < metadata < prevHash < type and joins their canonical
 * forms, so the concatenation below is its output for the whole object.
 */
function canonicalHash(type: string, data: JsonObject, metadata: JsonObject, prevHash: string): string {
  if (typeof type !== 'string' || !isPlainObject(data)) return eventHash(type, data, metadata, prevHash);
  const canonical =
    '{"data":' +
    canonicalJson(data) +
    ',"metadata":' +
    canonicalJson(metadata) +
    ',"prevHash":' +
    JSON.stringify(prevHash) +
    ',"type":' +
    JSON.stringify(type) +
    '}';
  return sha256('sha256', canonical, 'hex');
}

/** The metadata without the chain fields; the caller's object itself when it has none. */
function chainFree(metadata: JsonObject): JsonObject {
  if (isPlainObject(metadata) && !Object.hasOwn(metadata, 'prevHash') && !Object.hasOwn(metadata, 'hash')) return metadata;
  return withoutChainFields(metadata);
}

/** JSON.stringify({ ...metadata, prevHash, hash }), without building that object for plain metadata. */
function storedMetadata(metadata: JsonObject, prevHash: string, hash: string): string {
  if (!isPlainObject(metadata)) return JSON.stringify({ ...metadata, prevHash, hash });
  const json = JSON.stringify(metadata);
  const chain = `"prevHash":${JSON.stringify(prevHash)},"hash":${JSON.stringify(hash)}}`;
  return json === '{}' ? `{${chain}` : `${json.slice(0, -1)},${chain}`;
}

function isPlainObject(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}
