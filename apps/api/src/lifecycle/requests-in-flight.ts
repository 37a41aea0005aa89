import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { finalize, Observable } from 'rxjs';

/**
 * How many route handlers are running. A handler's work (a command's
 * appends) goes on even when its connection is gone, so shutting down waits
 * for this to reach zero, not only for the connections to close.
 */
@Injectable()
export class RequestsInFlight {
  private running = 0;
  private idleWaiters: Array<() => void> = [];

  get count(): number {
    return this.running;
  }

  started(): void {
    this.running++;
  }

  finished(): void {
    this.running--;
    if (this.running > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((resolve) => resolve());
  }

  /** Resolves true once no handler runs, false if some still do after `timeoutMs`. */
  idle(timeoutMs: number): Promise<boolean> {
    if (this.running === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.idleWaiters.push(() => (clearTimeout(timer), resolve(true)));
    });
  }
}

/** Counts every handler from the moment it is entered until its result (or error) is settled. */
@Injectable()
export class RequestsInFlightInterceptor implements NestInterceptor {
  constructor(private readonly inFlight: RequestsInFlight) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    this.inFlight.started();
    return next.handle().pipe(finalize(() => this.inFlight.finished()));
  }
}
