import { ApiProperty } from '@nestjs/swagger';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { SAGSTYPER, Sagstype } from '@sagsgang/sag';
import { TEXT } from './limits';

export class OpretSagDto {
  @ApiProperty({ example: 'Status sociale investeringer', maxLength: TEXT.titel })
  @IsString()
  @Length(1, TEXT.titel)
  titel!: string;

  @ApiProperty({
    example: '00.01.10-A21-3-15',
    description: 'KLE: HH.GG.EE-<bogstav><0–2 cifre>-<løbenr>-<ÅÅ>, or the emne HH.GG.EE alone',
  })
  @IsString()
  @Length(1, 40)
  journalnummer!: string;

  @ApiProperty({ enum: SAGSTYPER, example: 'orientering' })
  @IsIn(SAGSTYPER)
  sagstype!: Sagstype;

  @ApiProperty({
    type: [String],
    example: ['Direktionen', 'Økonomiudvalget', 'Byrådet'],
    description: 'Udvalg in order; the last holds kompetence',
  })
  @IsString({ each: true })
  @Length(1, TEXT.navn, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @ArrayUnique()
  sagsgang!: string[];

  @ApiProperty({ example: 'Social og Sundhed' })
  @IsString()
  @Length(1, TEXT.navn)
  ansvarligEnhed!: string;

  @ApiPropertyOptional({ example: 'politisk', description: 'The workflow the sag is created under (its newest version); default politisk' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  workflow?: string;
}
