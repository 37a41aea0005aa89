import { createHash } from 'node:crypto';

/** Content-addressed storage for bilag: a blob is named by the sha256 of its bytes. */
export interface StoredBlob {
  sha256: string;
  size: number;
}

export interface BlobStore {
  /** Stores the bytes (a no-op when they are already there) once they are durable. */
  put(content: Buffer): Promise<StoredBlob>;
  /** The bytes, or undefined when no blob has that hash. */
  get(sha256: string): Promise<Buffer | undefined>;
}

export const BLOB_STORE = Symbol('BLOB_STORE');

/** The name and size a blob of these bytes has, without storing it. */
export function describeBlob(content: Buffer): StoredBlob {
  return { sha256: createHash('sha256').update(content).digest('hex'), size: content.length };
}
