import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { Problem } from './problem';

/** One problem+json answer in the OpenAPI document. */
export const ApiProblem = (status: number, description: string) =>
  applyDecorators(
    ApiExtraModels(Problem),
    ApiResponse({ status, description, content: { 'application/problem+json': { schema: { $ref: getSchemaPath(Problem) } } } }),
  );

/** What a 404 means on each kind of route. */
export const NOT_FOUND = {
  sag: 'Sagen findes ikke',
  moede: 'Mødet findes ikke, eller punktet er ikke på dagsordenen',
  moedeOgSag: 'Mødet findes ikke, eller sagen findes ikke',
  bilag: 'Sagen findes ikke, eller bilaget er ikke vedhæftet den',
  dokument: 'Mødet findes ikke, eller dokumentet er ikke offentligt endnu',
  offentligtMoede: 'Mødet findes ikke, eller dets dagsorden er ikke udsendt',
  offentligtBilag: 'Mødet findes ikke, eller bilaget er ikke offentligt: punktet er lukket, trukket eller ikke på en udsendt dagsorden',
  godkendtReferat: 'Mødet findes ikke, eller referatet er ikke godkendt endnu',
} as const;

/** What 413 and 415 mean for a command whose body is JSON. */
const JSON_BODY = {
  413: 'Request body over the size limit (1 MB)',
  415: 'The body is not JSON (send Content-Type: application/json)',
};

/**
 * Documents the problem+json answers every command can give; `notFound` says what a 404 means here (null: a creation, never 404),
 * `body` what 413 and 415 mean for its body.
 */
export function ApiCommandErrors(notFound: string | null, body: Readonly<Record<413 | 415, string>> = JSON_BODY) {
  return applyDecorators(
    ApiProblem(400, 'Validation failed: which field and why; unknown fields, malformed JSON and bad headers too'),
    ApiProblem(401, 'Missing, expired or invalid bearer token'),
    ApiProblem(403, 'The role may not issue this command; nothing is appended'),
    ...(notFound ? [ApiProblem(404, notFound)] : []),
    ApiProblem(409, 'Illegal transition: current state, attempted command, allowed commands'),
    ApiProblem(412, 'If-Match names a stale revision; currentRevision tells the current one'),
    ApiProblem(413, body[413]),
    ApiProblem(415, body[415]),
    ApiProblem(507, 'The data folder is full: nothing was changed; reads still work'),
  );
}

/** Documents the problem+json answers every query can give; `notFound` says what a 404 means here, if it can happen. */
export function ApiQueryErrors(notFound?: string) {
  return applyDecorators(
    ApiProblem(400, 'Invalid query parameter'),
    ApiProblem(401, 'Missing, expired or invalid bearer token'),
    ...(notFound ? [ApiProblem(404, notFound)] : []),
    ApiProblem(503, 'The read models have not reached minPosition in time'),
  );
}
