import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldProblemDto {
  @ApiProperty({ example: 'titel' }) field!: string;
  @ApiProperty({ example: 'må ikke være tom' }) reason!: string;
}

/** An RFC 9457 problem document, with this API's extension members. */
export class Problem {
  @ApiProperty({ example: 'https://sagsgang.dk/problems/validation' }) type!: string;
  @ApiProperty({ example: 'Ugyldig forespørgsel' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiProperty({ example: 'titel: må ikke være tom' }) detail!: string;
  @ApiPropertyOptional({ example: '/sager/4f1c…/indstilling' }) instance?: string;
  @ApiPropertyOptional({ type: [FieldProblemDto], description: 'Validation: each field and why' })
  errors?: { field: string; reason: string }[];
  @ApiPropertyOptional({ description: 'Illegal transition: the state the resource is in' }) currentState?: string;
  @ApiPropertyOptional({ description: 'Illegal transition: the command that was refused' }) attemptedCommand?: string;
  @ApiPropertyOptional({ description: 'Illegal transition: what may be done now', type: [String] }) allowedCommands?: string[];
  @ApiPropertyOptional({
    oneOf: [{ type: 'integer' }, { type: 'string', enum: ['no_stream'] }],
    description: 'Revision mismatch: the current revision, or no_stream when the stream does not exist',
  })
  currentRevision?: number | string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
const BASE = 'https://sagsgang.dk/problems/';

export function problem(status: number, slug: string, title: string, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type: BASE + slug, title, status, detail, ...extra };
}
