import { CanActivate, ExecutionContext, Injectable, SetMetadata, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { InvalidToken, verifyToken } from '@sagsgang/auth';
import { Actor } from '@sagsgang/kernel';
import { JwtSecret } from './jwt-secret.provider';

const PUBLIC = 'sagsgang:public';
/** Marks a route that needs no token (health, documentation, published referater). */
export const Public = () => SetMetadata(PUBLIC, true);

export type AuthenticatedRequest = FastifyRequest & { actor?: Actor };

/** Every route needs a valid bearer token unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly secret: JwtSecret,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC, [context.getHandler(), context.getClass()]);
    const token = bearerToken(request);
    if (!token) {
      if (isPublic) return true;
      throw unauthorized('Forespørgslen mangler et token: send Authorization: Bearer <token>');
    }
    try {
      request.actor = verifyToken(this.secret.value, token);
    } catch (error) {
      if (error instanceof InvalidToken) throw unauthorized(error.message);
      throw error;
    }
    return true;
  }
}

/** The token of an `Authorization: Bearer …` header, if there is one. */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

function unauthorized(detail: string): UnauthorizedException {
  return new UnauthorizedException({ title: 'Ikke logget ind', detail });
}
