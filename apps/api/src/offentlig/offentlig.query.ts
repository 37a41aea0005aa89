import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { PageQuery } from '../sager/dto/sag-query.dto';

export class OffentligMoedeListQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'Økonomiudvalget' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  udvalg?: string;
}

export class SoegeQuery extends PageQuery {
  @ApiProperty({ example: 'budget', description: 'Words to find in the published dagsordener and referater; every word must occur' })
  @IsString()
  @Length(1, 200)
  q!: string;
}
