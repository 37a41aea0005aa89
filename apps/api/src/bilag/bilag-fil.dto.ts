import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { TEXT } from '../sager/dto/limits';

/** A plain file name: no folders, no control characters, not "." or "..". */
export const FILNAVN = /^(?!\.{1,2}$)[^/\\\u0000-\u001f\u007f]+$/;

/** A media type as Content-Type or `medietype` names it: type/subtype, no parameters. */
export const MEDIETYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;

/** What the upload's query says of the file; its bytes are the body and its media type the Content-Type. */
export class BilagFilQuery {
  @ApiProperty({ example: 'Handleplan 2016-17 for Erhvervsstrategien 2013 - 2017' })
  @IsString()
  @Length(1, TEXT.titel)
  titel!: string;

  @ApiProperty({ example: 'handleplan.pdf', description: 'A plain file name: no folders, no control characters' })
  @IsString()
  @Length(1, 255)
  @Matches(FILNAVN, { message: 'skal være et filnavn uden mapper og kontroltegn' })
  filnavn!: string;
}
