import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { ExpectedRevisionConflict, InvalidAppend, isDiskFull, PartialRetryConflict } from '@sagsgang/event-store';
import { Forbidden, IllegalTransition, NotFound, ValidationFailed } from '@sagsgang/kernel';
import { BODY_LIMIT_BYTES } from './body-limit';
import { Problem, problem, PROBLEM_CONTENT_TYPE } from './problem';

/** Maps every error to problem+json once; unknown errors become a 500 without internals. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const body = { ...toProblem(error), instance: request.url };
    // Unexpected failures only: a deliberate 503 (not ready, minPosition not reached) or a full disk (logged once by the DataFolder) is in the request's log line.
    if (body.status >= 500 && body.status !== 507 && !(error instanceof HttpException)) {
      this.logger.error(
        { correlationId: request.id, context: 'ProblemDetails' },
        error instanceof Error ? (error.stack ?? error.message) : String(error),
      );
    }
    void http.getResponse<FastifyReply>().status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
  }
}

export function toProblem(error: unknown): Problem {
  if (error instanceof ValidationFailed) {
    return problem(400, 'validation', 'Ugyldig forespørgsel', error.message, { errors: error.problems });
  }
  if (error instanceof Forbidden) return problem(403, 'forbidden', 'Ingen adgang', error.message);
  if (error instanceof NotFound) return problem(404, 'not-found', 'Findes ikke', error.message);
  if (error instanceof IllegalTransition) {
    return problem(409, 'illegal-transition', 'Ulovlig overgang', error.message, {
      currentState: error.currentState,
      attemptedCommand: error.command,
      allowedCommands: error.allowedCommands,
    });
  }
  if (error instanceof ExpectedRevisionConflict) {
    return problem(412, 'revision-mismatch', 'Forældet revision', error.message, { currentRevision: error.actual });
  }
  if (error instanceof PartialRetryConflict) {
    return problem(409, 'idempotency-conflict', 'Gentagelse passer ikke', error.message);
  }
  if (error instanceof InvalidAppend) return problem(400, 'validation', 'Ugyldig forespørgsel', error.message);
  if (isDiskFull(error)) {
    return problem(
      507,
      'insufficient-storage',
      'Lageret er fuldt',
      'Der er ikke plads til at gemme ændringen, så intet er ændret. Læsninger virker stadig; prøv igen, når driften har skaffet plads.',
    );
  }
  if (error instanceof HttpException) return fromHttpException(error);
  if (isFastifyClientError(error)) {
    return problem(error.statusCode, slugFor(error.statusCode), titleFor(error.statusCode), refusalDetail(error.statusCode, error.message));
  }
  return problem(500, 'internal', 'Intern fejl', 'Der opstod en uventet fejl; den er logget.');
}

function fromHttpException(error: HttpException): Problem {
  const status = error.getStatus();
  const response = error.getResponse();
  const extra = typeof response === 'object' && response !== null ? (response as Partial<Problem>) : {};
  return problem(status, slugFor(status), extra.title ?? titleFor(status), extra.detail ?? refusalDetail(status, error.message), {
    ...(extra.errors ? { errors: extra.errors } : {}),
    ...(extra.currentRevision !== undefined ? { currentRevision: extra.currentRevision } : {}),
  });
}

/** Fastify's own errors (malformed JSON, body too large, unsupported media type) carry a 4xx statusCode. */
function isFastifyClientError(error: unknown): error is { statusCode: number; code: string; message: string } {
  const candidate = error as { statusCode?: unknown; code?: unknown };
  return (
    typeof candidate?.statusCode === 'number' &&
    candidate.statusCode >= 400 &&
    candidate.statusCode < 500 &&
    typeof candidate.code === 'string'
  );
}

/** The type slug and Danish title of each status, for a problem that brings no title of its own. */
const STATUS: Readonly<Record<number, { slug: string; title: string }>> = {
  400: { slug: 'validation', title: 'Ugyldig forespørgsel' },
  401: { slug: 'unauthorized', title: 'Ikke logget ind' },
  403: { slug: 'forbidden', title: 'Ingen adgang' },
  404: { slug: 'not-found', title: 'Findes ikke' },
  405: { slug: 'method-not-allowed', title: 'Metoden findes ikke' },
  406: { slug: 'not-acceptable', title: 'Formatet findes ikke' },
  408: { slug: 'request-timeout', title: 'Forespørgslen tog for lang tid' },
  409: { slug: 'conflict', title: 'Konflikt' },
  412: { slug: 'revision-mismatch', title: 'Forældet revision' },
  413: { slug: 'payload-too-large', title: 'For stor forespørgsel' },
  414: { slug: 'uri-too-long', title: 'For lang adresse' },
  415: { slug: 'unsupported-media-type', title: 'Medietypen understøttes ikke' },
  428: { slug: 'precondition-required', title: 'Forudsætning mangler' },
  429: { slug: 'too-many-requests', title: 'For mange forespørgsler' },
  431: { slug: 'headers-too-large', title: 'For store headers' },
  503: { slug: 'service-unavailable', title: 'Utilgængelig' },
  507: { slug: 'insufficient-storage', title: 'Lageret er fuldt' },
};

function slugFor(status: number): string {
  return STATUS[status]?.slug ?? 'error';
}

function titleFor(status: number): string {
  return STATUS[status]?.title ?? (status >= 500 ? 'Intern fejl' : 'Ugyldig forespørgsel');
}

/** Nest's own refusals, and Fastify's that Nest passes on, in Danish, saying what to send instead. */
function refusalDetail(status: number, message: string): string {
  if (status === 413) {
    return `Kroppen er større end grænsen på ${BODY_LIMIT_BYTES / 1024 / 1024} MB (${BODY_LIMIT_BYTES.toLocaleString('da-DK')} bytes); send en mindre krop, fx et mindre bilag`;
  }
  if (status === 415) return 'Send kroppen som JSON med Content-Type: application/json';
  if (status === 400 && /JSON/.test(message)) {
    return /empty/i.test(message)
      ? 'Kroppen er tom, men Content-Type siger JSON; send et JSON-objekt eller ingen Content-Type'
      : 'Kroppen er ikke gyldig JSON; send et JSON-objekt';
  }
  const route = /^Cannot (\w+) (.*)$/.exec(message);
  if (route) return `Ruten ${route[1]} ${route[2]} findes ikke`;
  return message;
}
