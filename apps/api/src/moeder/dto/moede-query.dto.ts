import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { MOEDE_STATUSES, MoedeStatus } from '@sagsgang/moede';
import { MinPositionQuery } from '../../sager/dto/sag-query.dto';

const DATO = /^\d{4}-\d{2}-\d{2}$/;

export class MoedeListQuery extends MinPositionQuery {
  @ApiPropertyOptional({ example: 'Direktionen' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  udvalg?: string;

  @ApiPropertyOptional({ enum: MOEDE_STATUSES })
  @IsOptional()
  @IsIn(MOEDE_STATUSES)
  status?: MoedeStatus;

  @ApiPropertyOptional({ example: '2019-12-01', description: 'Meetings on or after this date (the date written in start)' })
  @IsOptional()
  @Matches(DATO, { message: 'fra must be a date, YYYY-MM-DD' })
  fra?: string;

  @ApiPropertyOptional({ example: '2019-12-31', description: 'Meetings on or before this date' })
  @IsOptional()
  @Matches(DATO, { message: 'til must be a date, YYYY-MM-DD' })
  til?: string;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;

  @ApiPropertyOptional({ default: 0, minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  // Beyond this a number is no longer an exact integer, and the read model refuses it (was a 500).
  @Max(Number.MAX_SAFE_INTEGER)
  offset = 0;
}
