import { ApiProperty } from '@nestjs/swagger';
import { IsBase64, Matches } from 'class-validator';
import { BilagFilQuery, MEDIETYPE } from '../../bilag/bilag-fil.dto';

/**
 * A small bilag as base64 inside JSON, within the 1 MiB body limit (scripts, tests); a real file goes to
 * POST /sager/:id/bilag/fil as it is, with the same titel and filnavn. Either way the bytes are stored
 * by their sha256, never in the event.
 */
export class VedhaeftBilagDto extends BilagFilQuery {
  @ApiProperty({ example: 'application/pdf' })
  @Matches(MEDIETYPE, { message: 'skal være en medietype som application/pdf' })
  medietype!: string;

  @ApiProperty({ description: 'The file content, base64 encoded' })
  @IsBase64()
  indhold!: string;
}
