import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Actor } from '@sagsgang/kernel';
import type { AuthenticatedRequest } from './auth.guard';

/** The actor of the verified token; commands take it from here, never from the body. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without authentication');
  return actor;
});
