import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';

/** Content-addressed storage for bilag: a blob is named by the sha256 of its bytes. */
export interface StoredBlob {
  sha256: string;
  size: number;
}

/** Bytes received and made durable under a temporary name, not yet a blob: `keep` makes them one, `discard` removes them. */
export interface PendingBlob extends StoredBlob {
  keep(): Promise<void>;
  discard(): Promise<void>;
}

export interface OpenedBlob {
  size: number;
  /** The bytes; the stream fails at its end if they no longer hash to the blob's name. */
  stream: Readable;
}

export interface BlobStore {
  /** Stores the bytes (a no-op when they are already there) once they are durable. */
  put(content: Buffer): Promise<StoredBlob>;
  /**
   * Writes the chunks to a temporary file as they come, never holding them all,
   * hashing as it goes. If the chunks fail, nothing is left behind.
   */
  receive(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<PendingBlob>;
  /** The bytes, or undefined when no blob has that hash. For small blobs: `open` streams. */
  get(sha256: string): Promise<Buffer | undefined>;
  open(sha256: string): Promise<OpenedBlob | undefined>;
  has(sha256: string): Promise<boolean>;
}

export const BLOB_STORE = Symbol('BLOB_STORE');

/** The name and size a blob of these bytes has, without storing it. */
export function describeBlob(content: Buffer): StoredBlob {
  return { sha256: createHash('sha256').update(content).digest('hex'), size: content.length };
}
