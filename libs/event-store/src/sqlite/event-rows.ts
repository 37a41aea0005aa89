import { canonicalJson } from '../canonical-json';
import { EventData } from '../event-store.port';
import { chainHash, withoutChainFields } from '../hash-chain';

/**
 * An event serialised for the store before its append joins a group: the
 * canonical JSON (RFC 8785) of its data and of its metadata without chain
 * fields. The same text is hashed and stored, so each event is serialised
 * once, on the appending caller's thread, and a group's transaction only
 * chains and inserts.
 */
export interface PreparedEvent {
  id: string;
  type: string;
  data: string;
  metadata: string;
}

/** One event's row as stored, with the hash that continues the chain after it. */
export interface ChainedRow {
  id: string;
  type: string;
  data: string;
  metadata: string;
  hash: string;
}

export function prepareEvents(events: EventData[]): PreparedEvent[] {
  const prepared = new Array<PreparedEvent>(events.length);
  for (let i = 0; i < events.length; i++) {
    const { id, type, data, metadata } = events[i];
    prepared[i] = { id, type, data: canonicalJson(data), metadata: canonicalJson(withoutChainFields(metadata ?? {})) };
  }
  return prepared;
}

/** The rows of a batch, chained from `prevHash`; the stored metadata ends with prevHash and hash. */
export function chainRows(events: PreparedEvent[], prevHash: string): ChainedRow[] {
  const rows = new Array<ChainedRow>(events.length);
  let previous = prevHash;
  for (let i = 0; i < events.length; i++) {
    const { id, type, data, metadata } = events[i];
    const hash = chainHash(type, data, metadata, previous);
    rows[i] = { id, type, data, metadata: withChainFields(metadata, previous, hash), hash };
    previous = hash;
  }
  return rows;
}

function withChainFields(metadata: string, prevHash: string, hash: string): string {
  const chain = `"prevHash":${JSON.stringify(prevHash)},"hash":${JSON.stringify(hash)}}`;
  return metadata === '{}' ? `{${chain}` : `${metadata.slice(0, -1)},${chain}`;
}
