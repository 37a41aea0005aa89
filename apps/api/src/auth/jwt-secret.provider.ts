import { Injectable } from '@nestjs/common';
import { loadOrCreateJwtSecret } from '@sagsgang/auth';
import { AppConfig } from '../config/app-config';

/** The token secret, resolved once at start-up; never logged. */
@Injectable()
export class JwtSecret {
  readonly value: string;

  constructor(config: AppConfig) {
    this.value = loadOrCreateJwtSecret(config.SAGSGANG_DATA, config.SAGSGANG_JWT_SECRET);
  }

  toJSON(): string {
    return '[secret]';
  }
}
