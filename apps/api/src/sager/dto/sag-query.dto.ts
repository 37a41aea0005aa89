import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { SAG_STATUSES, SagStatus } from '@sagsgang/sag';

/** Read your own write: wait until the read models have applied this global position. */
export class MinPositionQuery {
  @ApiPropertyOptional({ description: 'Wait (up to 5 s) until the read models have reached this global position' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  minPosition?: number;
}

/** A page of a list: limit and offset, and read-your-writes. */
export class PageQuery extends MinPositionQuery {
  @ApiPropertyOptional({ type: 'integer', default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;

  @ApiPropertyOptional({ type: 'integer', default: 0, minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  // Beyond this a number is no longer an exact integer, and the read model would refuse it.
  @Max(Number.MAX_SAFE_INTEGER)
  offset = 0;
}

export class SagListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SAG_STATUSES })
  @IsOptional()
  @IsIn(SAG_STATUSES)
  status?: SagStatus;

  @ApiPropertyOptional({ description: 'The udvalg the sag is with or heading for', example: 'Økonomiudvalget' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  udvalg?: string;

  @ApiPropertyOptional({ description: 'KLE emne (HH.GG.EE) or a full journalnummer', example: '00.01.10' })
  @IsOptional()
  @IsString()
  @Length(8, 40)
  kle?: string;

  @ApiPropertyOptional({ description: 'Words in the title (case-insensitive)', example: 'seniorboliger' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;
}
