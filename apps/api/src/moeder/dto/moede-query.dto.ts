import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { MOEDE_STATUSES, MoedeStatus } from '@sagsgang/moede';
import { PageQuery } from '../../sager/dto/sag-query.dto';

const DATO = /^\d{4}-\d{2}-\d{2}$/;

export class MoedeListQuery extends PageQuery {
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
  @Matches(DATO, { message: 'skal være en dato, ÅÅÅÅ-MM-DD' })
  fra?: string;

  @ApiPropertyOptional({ example: '2019-12-31', description: 'Meetings on or before this date' })
  @IsOptional()
  @Matches(DATO, { message: 'skal være en dato, ÅÅÅÅ-MM-DD' })
  til?: string;
}
