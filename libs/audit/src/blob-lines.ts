import type { BlobStore, OpenedBlob } from '@sagsgang/blob-store';
import { ExportRecord } from './export-log';

/**
 * A line of an export that carries a piece of a file an event names by its
 * sha256 (a bilag's bytes, an approved referat's text): `offset` is where
 * the piece starts in the file, `size` the whole file's length. A file's
 * lines come in order, just before the first event that names it.
 */
export interface BlobRecord {
  blob: string;
  size: number;
  offset: number;
  base64: string;
}

/** The files an event names: each must be there, unless optional (a file that can be made again). */
export type BlobReferences = (record: ExportRecord) => { sha256: string; optional?: boolean }[];

/** Where an export reads the files from, and an import writes them to. */
export interface BlobOptions {
  store: BlobStore;
  references: BlobReferences;
}

/** 768 KiB a line: about 1 MiB of base64, a line any reader takes whole. */
export const BLOB_PIECE_BYTES = 768 * 1024;

export function isBlobRecord(value: unknown): value is BlobRecord {
  return typeof value === 'object' && value !== null && typeof (value as { blob?: unknown }).blob === 'string';
}

/** The file as export lines, read from disk a piece at a time. */
export async function* blobRecords(sha256: string, opened: OpenedBlob): AsyncGenerator<BlobRecord> {
  let offset = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const chunk of opened.stream as AsyncIterable<Buffer>) {
    pending.push(chunk);
    pendingBytes += chunk.length;
    while (pendingBytes >= BLOB_PIECE_BYTES) {
      const all = Buffer.concat(pending);
      yield { blob: sha256, size: opened.size, offset, base64: all.subarray(0, BLOB_PIECE_BYTES).toString('base64') };
      offset += BLOB_PIECE_BYTES;
      pending = [all.subarray(BLOB_PIECE_BYTES)];
      pendingBytes -= BLOB_PIECE_BYTES;
    }
  }
  if (pendingBytes > 0 || offset === 0)
    yield { blob: sha256, size: opened.size, offset, base64: Buffer.concat(pending).toString('base64') };
}
