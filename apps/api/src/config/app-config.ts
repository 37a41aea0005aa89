import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, validateSync } from 'class-validator';

/**
 * Every setting comes from an environment variable with a sensible default,
 * validated once at start-up so a typo stops the API with a clear message.
 */
export class AppConfig {
  @Transform(({ value }) => (value === undefined ? 3000 : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  /** Folder for the SQLite event store, read models, bilag content and the generated JWT secret. */
  @IsString()
  @MinLength(1)
  SAGSGANG_DATA = './data';

  /** `esdb://…` selects EventStoreDB; unset means the embedded SQLite store. */
  @IsOptional()
  @Matches(/^esdb(\+discover)?:\/\//, { message: 'EVENTSTORE_CONNECTION_STRING must start with esdb:// or esdb+discover://' })
  EVENTSTORE_CONNECTION_STRING?: string;

  /** 'full' (default) fsyncs every acknowledged append; 'relaxed' is for tests only. */
  @IsIn(['full', 'relaxed'])
  SAGSGANG_DURABILITY: 'full' | 'relaxed' = 'full';

  /** HMAC secret for bearer tokens; unset means one generated once into SAGSGANG_DATA. */
  @IsOptional()
  @IsString()
  @MinLength(32)
  SAGSGANG_JWT_SECRET?: string;

  /** A JSON file of extra or replacement workflows, validated at start-up. */
  @IsOptional()
  @IsString()
  SAGSGANG_WORKFLOWS?: string;

  /**
   * 'on' (default) runs the process managers that carry meeting decisions on to
   * the sager; 'off' leaves them stopped (for a crash test, or a second API
   * instance while another one runs them).
   */
  @IsIn(['on', 'off'])
  SAGSGANG_PROCESS_MANAGERS: 'on' | 'off' = 'on';

  /** Origins allowed to call the API from a browser, comma-separated; unset means no cross-origin access. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s,]+(\s*,\s*https?:\/\/[^\s,]+)*$/, {
    message: 'SAGSGANG_CORS_ORIGINS must be comma-separated origins such as https://sager.kommune.dk',
  })
  SAGSGANG_CORS_ORIGINS?: string;

  /**
   * Which proxies' X-Forwarded-For to believe for the client's address (rate limit per IP):
   * unset or 'false' none, 'true' any, a hop count, or addresses/CIDRs, comma-separated.
   */
  @IsOptional()
  @Matches(/^(true|false|\d{1,2}|[0-9A-Fa-f.:/]+(\s*,\s*[0-9A-Fa-f.:/]+)*)$/, {
    message: 'SAGSGANG_TRUST_PROXY must be true, false, a hop count or comma-separated addresses/CIDRs',
  })
  SAGSGANG_TRUST_PROXY?: string;

  /** Requests per minute per client (token subject, else IP address); 0 turns the limit off. */
  @Transform(({ value }) => (value === undefined ? 6000 : Number(value)))
  @IsInt()
  @Min(0)
  SAGSGANG_RATE_LIMIT = 6000;

  /** How long a request's body may take to arrive, in milliseconds, before it is answered 408 and its connection closed. */
  @Transform(({ value }) => (value === undefined ? 30_000 : Number(value)))
  @IsInt()
  @Min(100)
  SAGSGANG_BODY_TIMEOUT_MS = 30_000;

  /** The largest bilag file accepted by POST /sager/:id/bilag/fil, in bytes (default 100 MiB). */
  @Transform(({ value }) => (value === undefined ? 100 * 1024 * 1024 : Number(value)))
  @IsInt()
  @Min(1)
  SAGSGANG_BILAG_MAX_BYTES = 100 * 1024 * 1024;

  /** The kommune's name, printed at the top of every page of a PDF dagsorden or referat and as its author; unset prints none. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  SAGSGANG_KOMMUNE?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  SAGSGANG_LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';
}

export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(AppConfig, defined, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const problems = errors.flatMap((error) => Object.values(error.constraints ?? {}));
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  return config;
}
