import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** An RFC 9457 problem document, with this API's extension members. */
export class Problem {
  @ApiProperty({ example: 'https://sagsgang.dk/problems/validation' }) type!: string;
  @ApiProperty({ example: 'Ugyldig forespørgsel' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiProperty({ example: 'titel: must not be empty' }) detail!: string;
  @ApiPropertyOptional({ example: '/sager/4f1c…/indstilling' }) instance?: string;
  @ApiPropertyOptional({ description: 'Validation: each field and why', example: [{ field: 'titel', reason: 'must not be empty' }] })
  errors?: { field: string; reason: string }[];
  @ApiPropertyOptional({ description: 'Illegal transition: the state the resource is in' }) currentState?: string;
  @ApiPropertyOptional({ description: 'Illegal transition: the command that was refused' }) attemptedCommand?: string;
  @ApiPropertyOptional({ description: 'Illegal transition: what may be done now', type: [String] }) allowedCommands?: string[];
  @ApiPropertyOptional({ description: 'Revision mismatch: the current revision' }) currentRevision?: number | string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
const BASE = 'https://sagsgang.dk/problems/';

export function problem(status: number, slug: string, title: string, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type: BASE + slug, title, status, detail, ...extra };
}
