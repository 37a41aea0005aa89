import { ApiProperty } from '@nestjs/swagger';
import { IsBase64, IsString, Length, Matches } from 'class-validator';
import { FILNAVN } from '../../bilag/bilag-fil.dto';
import { TEXT } from './limits';

/**
 * A small bilag as base64 inside JSON, within the 1 MiB body limit (scripts, tests); a real file goes to
 * POST /sager/:id/bilag/fil as it is. Either way the bytes are stored by their sha256, never in the event.
 */
export class VedhaeftBilagDto {
  @ApiProperty({ example: 'Handleplan 2016-17 for Erhvervsstrategien 2013 - 2017' })
  @IsString()
  @Length(1, TEXT.titel)
  titel!: string;

  @ApiProperty({ example: 'handleplan.pdf', description: 'A plain file name: no folders, no control characters' })
  @IsString()
  @Length(1, 255)
  @Matches(FILNAVN, {
    message: 'skal være et filnavn uden mapper og kontroltegn',
  })
  filnavn!: string;

  @ApiProperty({ example: 'application/pdf' })
  @Matches(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i, {
    message: 'skal være en medietype som application/pdf',
  })
  medietype!: string;

  @ApiProperty({ description: 'The file content, base64 encoded' })
  @IsBase64()
  indhold!: string;
}
