import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { Problem } from './problem';

const problemResponse = (status: number, description: string) =>
  ApiResponse({
    status,
    description,
    type: Problem,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  });

/** Documents the problem+json answers every command can give. */
export function ApiCommandErrors() {
  return applyDecorators(
    problemResponse(400, 'Validation failed: which field and why; unknown fields, malformed JSON and bad headers too'),
    problemResponse(401, 'Missing, expired or invalid bearer token'),
    problemResponse(403, 'The role may not issue this command; nothing is appended'),
    problemResponse(404, 'No such sag'),
    problemResponse(409, 'Illegal transition: current state, attempted command, allowed commands'),
    problemResponse(412, 'If-Match names a stale revision; currentRevision tells the current one'),
    problemResponse(413, 'Request body over the size limit'),
  );
}

/** Documents the problem+json answers every query can give. */
export function ApiQueryErrors() {
  return applyDecorators(
    problemResponse(400, 'Invalid query parameter'),
    problemResponse(401, 'Missing, expired or invalid bearer token'),
    problemResponse(404, 'Not found'),
    problemResponse(503, 'The read models have not reached minPosition in time'),
  );
}
