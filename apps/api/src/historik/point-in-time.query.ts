import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Matches, Min } from 'class-validator';

/** A date-time with its zone: a bare date or local time would be read in the server's zone. */
const DATO_TID_MED_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const ASOF_FORMAT = 'skal være et ISO 8601-tidspunkt med tidszone, fx 2019-12-16T17:00:00+01:00 eller 2019-12-16T16:00:00Z';

/** A read as it stood at a past moment: asOf or revision, never both (400). */
export class MomentQuery {
  @ApiPropertyOptional({
    description: 'Read as it stood at this time: folded from the stream up to the last event recorded at or before it. Not with revision',
    example: '2019-12-16T17:00:00+01:00',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: ASOF_FORMAT })
  @Matches(DATO_TID_MED_ZONE, { message: ASOF_FORMAT })
  asOf?: string;

  @ApiPropertyOptional({
    description: 'Read as it stood after this revision of its stream (0 = the first event). Not with asOf',
    minimum: 0,
    example: 3,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  revision?: number;
}

/** A sag or møde now (from the read models, optionally after minPosition) or at a moment (from its stream). */
export class PointInTimeQuery extends MomentQuery {
  @ApiPropertyOptional({ description: 'Without a moment: wait (up to 5 s) until the read models have reached this global position' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  minPosition?: number;
}
