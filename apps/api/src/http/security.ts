import { HttpException, HttpStatus, NotFoundException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { verifyToken } from '@sagsgang/auth';
import { bearerToken } from '../auth/auth.guard';
import { AppConfig } from '../config/app-config';

/**
 * Everything but the OpenAPI UI: no scripts, no frames, nothing loaded from
 * anywhere. The rendered referat and dagsorden need only their inline <style>;
 * every text in them is escaped, and with `default-src 'none'` even injected
 * CSS could not fetch anything.
 */
export const STRICT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The Swagger UI at /docs loads its scripts and styles from /docs and uses inline styles and data: images. */
export const DOCS_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/**
 * The web app's pages: their own script and stylesheet from /assets/, and
 * nothing else: no inline script or style, no other origin. Forms post only
 * back to the site.
 */
export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const DOCS = /^\/docs(?:[/?]|$)/;
/** What the Swagger UI asks for: /docs, /docs/, a file name under it, a query; never a dot segment or a percent-escape. */
const DOCS_ASSET = /^\/docs(?:\/(?:[A-Za-z0-9_-][A-Za-z0-9._-]*)?)?(?:\?.*)?$/;

/** Headers a browser client sends and may read, beyond the CORS-safelisted ones. */
const REQUEST_HEADERS = ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key', 'X-Correlation-Id'];
const RESPONSE_HEADERS = ['ETag', 'Location', 'Retry-After', 'X-Correlation-Id'];

/**
 * Security headers (helmet), CORS and the per-client rate limit, as Fastify
 * plugins on the adapter before Nest initialises. The JWT secret is needed to
 * key the rate limit by a verified token's subject.
 */
export async function registerSecurity(app: NestFastifyApplication, config: AppConfig, jwtSecret: string): Promise<void> {
  // One hook sets them all, and one CSP header per response, so the /docs exception needs no second helmet instance.
  const headers = helmetHeaders();
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      const docs = DOCS.test(request.url);
      void reply.headers(headers).header('content-security-policy', docs ? DOCS_CSP : STRICT_CSP);
      // The static file server behind /docs answers path tricks (../, %2e%2e, %00) with errors of its own: they find nothing here.
      if (docs && !DOCS_ASSET.test(request.url))
        return done(new NotFoundException({ title: 'Findes ikke', detail: `${request.url} findes ikke` }));
      // What is answered to a logged-in reader (lukkede punkter, names of employees) is kept by no cache.
      if (request.headers.authorization !== undefined) void reply.header('cache-control', 'no-store');
      done();
    });

  // Nest's enableCors registers @fastify/cors so that its hook runs before Nest middleware
  // and its headers survive a response a middleware ends; app.register would run it after.
  const origins = corsOrigins(config);
  app.enableCors({
    // false: no Access-Control-Allow-Origin for anyone, so browsers refuse cross-origin reads.
    origin: origins.length > 0 ? origins : false,
    methods: ['GET', 'HEAD', 'POST', 'DELETE'],
    allowedHeaders: REQUEST_HEADERS,
    exposedHeaders: RESPONSE_HEADERS,
    maxAge: 600,
  });

  if (config.SAGSGANG_RATE_LIMIT > 0) {
    await app.register(rateLimit, {
      max: config.SAGSGANG_RATE_LIMIT,
      timeWindow: 60_000,
      // Probes and scrapes are not clients to throttle.
      allowList: (request) => request.url === '/health' || request.url.startsWith('/health/'),
      keyGenerator: clientKeys(jwtSecret),
      errorResponseBuilder: (_request, context) =>
        new HttpException(
          {
            title: 'For mange forespørgsler',
            detail: `Højst ${context.max} forespørgsler i minuttet pr. klient; prøv igen om ${context.after}.`,
          },
          HttpStatus.TOO_MANY_REQUESTS,
        ),
    });
  }
}

/**
 * helmet's security headers, computed once: with our options they depend on
 * nothing in the request, and @fastify/helmet would run helmet's eleven
 * middlewares on every request to set the same values (about 3 % of the
 * API's CPU in bench:api's mix).
 */
function helmetHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = { setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value), removeHeader: () => undefined };
  helmet({
    contentSecurityPolicy: false,
    // The API serves no cross-origin embeddable resources; the Swagger UI needs none.
    crossOriginEmbedderPolicy: false,
  })({} as IncomingMessage, response as unknown as ServerResponse, () => undefined);
  return headers;
}

/** Fastify's trustProxy from SAGSGANG_TRUST_PROXY: behind a reverse proxy every client would otherwise be the proxy. */
export function trustProxy(config: AppConfig): boolean | number | string {
  const value = config.SAGSGANG_TRUST_PROXY;
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

export function corsOrigins(config: AppConfig): string[] {
  return (config.SAGSGANG_CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter((origin) => origin.length > 0);
}

/**
 * A caseworker is limited per user, not per office NAT: the subject of a
 * verified token, else the IP address. An unverified token counts as its IP,
 * so inventing subjects does not escape the limit.
 */
function clientKeys(jwtSecret: string): (request: FastifyRequest) => string {
  return (request) => {
    const token = bearerToken(request);
    if (!token) return `ip:${request.ip}`;
    try {
      // verifyToken remembers a verified token until it expires, so this costs little per request.
      return `sub:${verifyToken(jwtSecret, token).userId}`;
    } catch {
      // refused later by the AuthGuard with a 401
      return `ip:${request.ip}`;
    }
  };
}
