import { Inject, Injectable, InternalServerErrorException, NotFoundException } from '@nestjs/common';
import { BLOB_STORE, BlobStore, describeBlob } from '@sagsgang/blob-store';
import { ExistingMoede } from '@sagsgang/moede';
import { referatSha256, referatTilGodkendelse } from '@sagsgang/referat';
import { MoedeDokumenter } from './moede-dokumenter';

export interface GodkendtReferat {
  /** Exactly the UTF-8 bytes the members approved. */
  bytes: Buffer;
  sha256: string;
  moede: ExistingMoede;
}

/**
 * The referat text exactly as approved, whose sha256 is the one the approval
 * recorded: the bytes stored at the approval, or, for an approval recorded
 * before they were stored, today's rendering of it if it still hashes the
 * same. Never a text with another digest.
 */
@Injectable()
export class GodkendteReferater {
  constructor(
    private readonly dokumenter: MoedeDokumenter,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  async hent(moedeId: string): Promise<GodkendtReferat> {
    const bygget = await this.dokumenter.byg(moedeId);
    const moede = bygget?.moede;
    if (!moede || (moede.status !== 'referat_godkendt' && moede.status !== 'offentliggjort')) {
      throw new NotFoundException({ title: 'Findes ikke', detail: `møde ${moedeId} har intet godkendt referat` });
    }
    const sha256 = moede.referatSha256;
    const gemt = await this.blobs.get(sha256);
    if (gemt && describeBlob(gemt).sha256 === sha256) return { bytes: gemt, sha256, moede };
    const gengivet = Buffer.from(referatTilGodkendelse(bygget.dokument), 'utf8');
    if (referatSha256(gengivet.toString('utf8')) === sha256) return { bytes: gengivet, sha256, moede };
    throw new InternalServerErrorException({
      title: 'Det godkendte referat kan ikke udleveres',
      detail: `den godkendte tekst til møde ${moedeId} (sha256 ${sha256}) er ikke gemt, og referatet gengives anderledes i dag`,
    });
  }
}
