import { BlobOptions, ExportRecord } from '@sagsgang/audit';
import { blobFolder, FilesystemBlobStore } from '@sagsgang/blob-store';

/**
 * The files an event names: a bilag's bytes, which must come along, and an
 * approved referat's text, which comes along when it was stored (an older
 * approval's text is rendered again from the log and checked by its hash).
 */
export function fileReferences(record: ExportRecord): { sha256: string; optional?: boolean }[] {
  if (record.type === 'BilagVedhaeftet' && typeof record.data.sha256 === 'string') return [{ sha256: record.data.sha256 }];
  if (record.type === 'ReferatGodkendt' && typeof record.data.referatSha256 === 'string') {
    return [{ sha256: record.data.referatSha256, optional: true }];
  }
  return [];
}

/** The API's bilag folder under SAGSGANG_DATA (default ./data), with the events' references into it. */
export function bilagFolder(env: NodeJS.ProcessEnv = process.env): BlobOptions {
  return { store: new FilesystemBlobStore(blobFolder(env.SAGSGANG_DATA || './data')), references: fileReferences };
}
