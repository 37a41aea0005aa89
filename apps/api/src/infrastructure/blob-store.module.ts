import { Global, Module } from '@nestjs/common';
import { BLOB_STORE, blobFolder, FilesystemBlobStore } from '@sagsgang/blob-store';
import { DataFolder, watchBlobWrites } from './data-folder';

/**
 * The bilag files and approved referater, by their sha256, under
 * SAGSGANG_DATA/bilag (the same folder whichever event store); the temporary
 * files a crash left there are removed as the API opens it, and every write
 * tells the DataFolder how it went.
 */
@Global()
@Module({
  providers: [
    {
      provide: BLOB_STORE,
      inject: [DataFolder],
      useFactory: (dataFolder: DataFolder) => {
        const blobs = new FilesystemBlobStore(blobFolder(dataFolder.path));
        blobs.removeTemporaryFiles();
        return watchBlobWrites(blobs, dataFolder);
      },
    },
  ],
  exports: [BLOB_STORE],
})
export class BlobStoreModule {}
