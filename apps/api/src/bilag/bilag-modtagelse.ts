import { BadRequestException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { BlobStore, PendingBlob } from '@sagsgang/blob-store';
import { HOVED_BYTES, medietypeFejl } from './medietype';

export interface Modtagelse {
  /** The request body as it arrives. */
  indhold: AsyncIterable<Uint8Array>;
  /** The media type the client declared (Content-Type). */
  medietype: string;
  /** What the client said it would send (Content-Length), if it did. */
  laengde?: number;
  maksBytes: number;
}

/**
 * Receives a file into the blob store as it arrives, never holding it whole:
 * refused before a byte is read when Content-Length is over the limit, and
 * as soon as the bytes pass the limit or the first ones show another type
 * than the one declared. Whatever goes wrong, nothing is left behind; the
 * caller keeps or discards what was received.
 */
export async function modtagBilag(blobs: BlobStore, modtagelse: Modtagelse): Promise<PendingBlob> {
  if (modtagelse.laengde !== undefined && modtagelse.laengde > modtagelse.maksBytes) throw forStort(modtagelse.maksBytes);
  return blobs.receive(kontrolleret(modtagelse)).catch((error: unknown) => {
    throw afbrudt(error)
      ? new BadRequestException({ title: 'Upload afbrudt', detail: 'forbindelsen blev afbrudt, før hele filen var modtaget' })
      : error;
  });
}

/** The client broke the connection off: its own doing, not a failure of the server's. */
function afbrudt(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === 'ECONNRESET' || message === 'aborted';
}

async function* kontrolleret({ indhold, medietype, maksBytes }: Modtagelse): AsyncGenerator<Uint8Array> {
  let modtaget = 0;
  let hoved: Buffer | null = Buffer.alloc(0);
  for await (const del of indhold) {
    modtaget += del.length;
    if (modtaget > maksBytes) throw forStort(maksBytes);
    if (hoved) {
      hoved = Buffer.concat([hoved, del]).subarray(0, HOVED_BYTES);
      if (hoved.length >= HOVED_BYTES) hoved = tjekket(medietype, hoved);
    }
    yield del;
  }
  if (hoved) tjekket(medietype, hoved);
}

/** Null once checked, so the rest of the file is not looked at. */
function tjekket(medietype: string, hoved: Buffer): null {
  if (hoved.length === 0) throw new UnsupportedMediaTypeException({ title: 'Tomt bilag', detail: 'filen er tom' });
  const fejl = medietypeFejl(medietype, hoved);
  if (fejl) throw new UnsupportedMediaTypeException({ title: 'Filtypen passer ikke', detail: fejl });
  return null;
}

export function forStort(maksBytes: number): PayloadTooLargeException {
  return new PayloadTooLargeException({
    title: 'Bilaget er for stort',
    detail: `et bilag må højst være ${maksBytes} bytes (${(maksBytes / 1024 / 1024).toFixed(0)} MiB; SAGSGANG_BILAG_MAX_BYTES)`,
  });
}
