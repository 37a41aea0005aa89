import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Socket } from 'node:net';
import { problem, PROBLEM_CONTENT_TYPE } from './problem';

type ClientError = Error & { code?: string };

/**
 * What Node's HTTP parser refuses before a request exists (a malformed
 * request, headers too large, a request not received in time), answered as
 * problem+json like every other error, then the connection closed: what
 * follows on it cannot be trusted to start a request.
 */
export function answerClientError(error: ClientError, socket: Socket): void {
  // A connection the client reset, or one already gone, has nobody to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const body = JSON.stringify(clientProblem(error));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${statusOf(error)} ${reasonOf(error)}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/** Fastify's own refusals before routing: a path that is not valid percent-encoding (400), a path parameter too long (414). */
export function answerFrameworkError(error: ClientError, request: FastifyRequest, reply: FastifyReply): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const body = tooLong
    ? problem(414, 'uri-too-long', 'For lang adresse', 'En del af adressen er længere end serveren tager imod.')
    : problem(400, 'validation', 'Ugyldig adresse', 'Adressen er ikke gyldigt procentkodet.');
  void reply
    .status(body.status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .header('x-content-type-options', 'nosniff')
    .send({ ...body, instance: request.url });
}

function statusOf(error: ClientError): number {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  if (error.code === 'HPE_HEADER_OVERFLOW') return 431;
  return 400;
}

function reasonOf(error: ClientError): string {
  return { 408: 'Request Timeout', 431: 'Request Header Fields Too Large', 400: 'Bad Request' }[statusOf(error)]!;
}

function clientProblem(error: ClientError) {
  switch (statusOf(error)) {
    case 408:
      return problem(
        408,
        'request-timeout',
        'Forespørgslen tog for lang tid',
        'Forespørgslen kom ikke helt frem i tide; forbindelsen lukkes.',
      );
    case 431:
      return problem(431, 'headers-too-large', 'For store headers', 'Forespørgslens headers er større end serveren tager imod.');
    default:
      return problem(400, 'validation', 'Ugyldig forespørgsel', 'Forespørgslen kunne ikke læses som HTTP.');
  }
}
