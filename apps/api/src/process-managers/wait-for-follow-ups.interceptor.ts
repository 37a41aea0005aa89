import { CallHandler, ExecutionContext, Injectable, NestInterceptor, ServiceUnavailableException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { ProjectionRunner } from '@sagsgang/projections';
import { READ_YOUR_WRITES_TIMEOUT_MS } from '../read-models/wait-for-position';
import { SagOpfoelgningManager } from './sag-opfoelgning.manager';

/**
 * Read your writes, including what the engine does in response to them: a
 * GET with `minPosition` first waits until the process manager has handled
 * the log up to that position and the read models have applied what it
 * appended. So after recording a beslutning at position P, GET
 * /sager/:id?minPosition=P shows the sag routed (and TilfoejPunkt on the next
 * meeting will find it awaiting that udvalg). The query's own wait for the
 * read models then finds them there already. Without a running process
 * manager (SAGSGANG_PROCESS_MANAGERS=off) nothing extra is awaited.
 */
@Injectable()
export class WaitForFollowUpsInterceptor implements NestInterceptor {
  constructor(
    private readonly manager: SagOpfoelgningManager,
    private readonly runner: ProjectionRunner,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const position = request.method === 'GET' ? minPosition(request.query) : undefined;
    if (position !== undefined && this.manager.running) await this.waitForFollowUps(position);
    return next.handle();
  }

  private async waitForFollowUps(position: number): Promise<void> {
    const deadline = Date.now() + READ_YOUR_WRITES_TIMEOUT_MS;
    try {
      const followUpsUpTo = await this.manager.waitFor(position, READ_YOUR_WRITES_TIMEOUT_MS);
      await this.runner.waitForPosition(followUpsUpTo, Math.max(0, deadline - Date.now()));
    } catch {
      throw new ServiceUnavailableException({
        title: 'Opfølgningen er bagud',
        detail: `The sager have not followed the meetings up to position ${position} within ${READ_YOUR_WRITES_TIMEOUT_MS} ms; retry shortly`,
      });
    }
  }
}

/** A malformed value is left to the query's own validation (400). */
function minPosition(query: unknown): number | undefined {
  const value = (query as Record<string, unknown> | undefined)?.minPosition;
  return typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : undefined;
}
