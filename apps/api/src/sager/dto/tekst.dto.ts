import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { TEXT } from './limits';

/** Anledning and sagsfremstilling: one block of prose. */
export class TekstDto {
  @ApiProperty({ example: 'Etablering af nye almennyttige seniorboliger i Albertslund Kommune', maxLength: TEXT.prosa })
  @IsString()
  @Length(1, TEXT.prosa)
  tekst!: string;
}

export class BegrundelseDto {
  @ApiProperty({ example: 'Sagen er bortfaldet', maxLength: TEXT.prosa })
  @IsString()
  @Length(1, TEXT.prosa)
  begrundelse!: string;
}
