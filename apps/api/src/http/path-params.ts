import { ArgumentMetadata, Injectable, ParseIntPipe, ParseUUIDPipe, PipeTransform } from '@nestjs/common';
import { invalidBody } from './body-checks';

/** A path parameter that must be a UUID (v4, or v5 when derived from an Idempotency-Key); a 400 names it. */
@Injectable()
class UuidParam implements PipeTransform<string, Promise<string>> {
  private readonly pipe = new ParseUUIDPipe();

  transform(value: string, metadata: ArgumentMetadata): Promise<string> {
    return this.pipe.transform(value, metadata).catch(() => {
      throw invalidBody([{ field: metadata.data ?? 'id', reason: `skal være et UUID, ikke "${value}"` }]);
    });
  }
}

/** A punkt number in the path; a 400 names it. */
@Injectable()
class NrParam implements PipeTransform<string, Promise<number>> {
  private readonly pipe = new ParseIntPipe();

  transform(value: string, metadata: ArgumentMetadata): Promise<number> {
    return this.pipe.transform(value, metadata).catch(() => {
      throw invalidBody([{ field: metadata.data ?? 'nr', reason: `skal være et punktnummer, ikke "${value}"` }]);
    });
  }
}

export const ID = new UuidParam();
export const NR = new NrParam();
