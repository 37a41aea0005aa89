import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { schemasNamedForClients } from './http/openapi-names';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import { isRawUpload, registerRawUpload } from './bilag/raw-upload';
import { JwtSecret } from './auth/jwt-secret.provider';
import { AppConfig } from './config/app-config';
import { countHandlersInFlight, RequestsInFlight } from './lifecycle/requests-in-flight';
import { BODY_LIMIT_BYTES } from './http/body-limit';
import { answerClientError, answerFrameworkError } from './http/client-errors';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { registerRequestBodies } from './http/request-body';
import { registerSecurity, trustProxy } from './http/security';
import { createValidationPipe } from './http/validation';
import { correlationIdOf } from './observability/correlation-id';
import { registerHttpObservability } from './observability/http-metrics';
import { createLogger, NestPinoLogger } from './observability/logging';
import { Metrics } from './observability/metrics';
import { registerWebAssets } from './web/assets';

export interface CreateAppOptions {
  /** Log errors only (the tests), whatever SAGSGANG_LOG_LEVEL says. */
  quiet?: boolean;
  /** Where the JSON log lines go instead of stdout. */
  logDestination?: DestinationStream;
}

/** Builds the API (not yet listening); shared by main.ts and the end-to-end tests. */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  // Fastify's request id is the correlation id, decided once per request.
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: correlationIdOf,
    trustProxy: trustProxy(config),
    clientErrorHandler: answerClientError,
    frameworkErrors: answerFrameworkError,
  });
  const logger = createLogger({ level: options.quiet ? 'error' : config.SAGSGANG_LOG_LEVEL, destination: options.logDestination });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, logger), adapter, {
    // Nest's own messages, a failed start's too, are pino lines like every other.
    logger: new NestPinoLogger(logger),
    // Fastify's own JSON parser only: Nest's default would add a form parser we do not want.
    bodyParser: false,
    // Start-up errors (bad workflow file, unreadable data folder) reject here; main.ts prints them and exits.
    abortOnError: false,
  });
  // JSON only: a text or form body is a 415, not something validation half-understands.
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeContentTypeParser(['text/plain']);
  // …except the bilag upload, which takes the file itself as its body: it may take long, but not fall silent.
  registerRawUpload(fastify);
  registerRequestBodies(fastify, config.SAGSGANG_BODY_TIMEOUT_MS, isRawUpload);
  countHandlersInFlight(fastify, app.get(RequestsInFlight));
  registerHttpObservability(fastify, app.get(Metrics), logger);
  await registerSecurity(app, config, app.get(JwtSecret).value);
  await registerWebAssets(app);
  app.useGlobalFilters(new ProblemDetailsFilter(logger));
  app.useGlobalPipes(createValidationPipe());
  // No enableShutdownHooks(): main.ts closes on SIGTERM itself and exits 0 (see GracefulShutdown).
  setupOpenApi(app);
  return app;
}

function setupOpenApi(app: NestFastifyApplication): void {
  SwaggerModule.setup('docs', app, openApiDocument(app), { jsonDocumentUrl: 'docs/openapi.json' });
}

/** The OpenAPI document of the app's routes, as /docs serves it; the web app's typed client is generated from it. */
export function openApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('sagsgang')
      .setDescription('Event-sourced sagsbehandling: sager, møder, referater og revision')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  return schemasNamedForClients(document);
}
