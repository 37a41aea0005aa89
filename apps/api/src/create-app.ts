import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { createValidationPipe } from './http/validation';

/** Request bodies above this are refused with 413 before they are parsed. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the API (not yet listening); shared by main.ts and the end-to-end tests. */
export async function createApp(config: AppConfig, options: { quiet?: boolean } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: options.quiet ? ['error'] : ['error', 'warn', 'log'],
    // Fastify's own JSON parser only: Nest's default would add a form parser we do not want.
    bodyParser: false,
    // Start-up errors (bad workflow file, unreadable data folder) reject here; main.ts prints them and exits.
    abortOnError: false,
  });
  // JSON only: a text or form body is a 415, not something validation half-understands.
  app.getHttpAdapter().getInstance().removeContentTypeParser(['text/plain']);
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  setupOpenApi(app);
  return app;
}

function setupOpenApi(app: NestFastifyApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('sagsgang')
      .setDescription('Event-sourced sagsbehandling: sager, møder, referater og revision')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
}
