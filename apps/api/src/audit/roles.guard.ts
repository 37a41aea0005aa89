import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Forbidden, Role } from '@sagsgang/kernel';
import type { AuthenticatedRequest } from '../auth/auth.guard';

const ROLES = 'sagsgang:roles';

/**
 * Only these roles may call the route (or every route of the controller);
 * any other role gets 403. Runs after the global AuthGuard, so a request
 * without a valid token is still a 401.
 */
export const Roles = (...roles: Role[]) => applyDecorators(SetMetadata(ROLES, roles), UseGuards(RolesGuard));

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, [context.getHandler(), context.getClass()]);
    if (!allowed) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const role = request.actor?.role ?? 'anonymous';
    if (allowed.includes(role as Role)) return true;
    throw new Forbidden(role, `${request.method} ${request.routeOptions?.url ?? request.url} (tilladt for ${allowed.join(', ')})`);
  }
}
