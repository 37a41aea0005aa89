import type { LoggerService } from '@nestjs/common';
import pino, { DestinationStream, Level, LevelWithSilent, Logger } from 'pino';

export interface LoggingOptions {
  level: LevelWithSilent;
  /** Where the JSON lines go; stdout when absent (a test passes a stream to read them). */
  destination?: DestinationStream;
}

/**
 * Never logged, wherever they turn up: the request line carries no headers at
 * all, and these paths are censored as a second line of defence should a
 * request, a response or a token ever be passed to the logger.
 */
export const REDACTED = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'authorization',
  'token',
  'secret',
  '*.authorization',
  '*.token',
  '*.secret',
];

/** The injection token of the app's pino logger. */
export const APP_LOGGER = 'sagsgang:logger';

/** The app's pino logger: JSON lines at `level`, with REDACTED censored. */
export function createLogger({ level, destination }: LoggingOptions): Logger {
  const options = { level, redact: { paths: REDACTED, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}

/** Nest's own messages (`new Logger('Shutdown').log(…)`) as pino lines with their context. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  /** Nest passes the context last, and for an error the stack before it. */
  private write(level: Level, message: unknown, params: unknown[]): void {
    const [context, stack] = [params.at(-1), params.at(-2)];
    const fields = { ...(typeof context === 'string' ? { context } : {}), ...(typeof stack === 'string' ? { stack } : {}) };
    if (message instanceof Error) this.logger[level]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.logger[level]({ ...fields, ...message });
    else this.logger[level](fields, String(message));
  }
}
