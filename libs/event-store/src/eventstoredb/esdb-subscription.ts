import { AllStreamSubscription, EventStoreDBClient, START } from '@eventstore/db-client';
import { RecordedEvent, SubscribeOptions, Subscription } from '../event-store.port';
import { compileFilter } from '../log-subscription';
import { headPosition } from './esdb-reads';
import { isSystemEvent, toEsdbFilter, toEsdbPosition, toRecordedEvent } from './mapping';

/**
 * Catch-up then live delivery through the server's own $all subscription,
 * behind the port's `Subscription`.
 *
 * 'end' is resolved to the current head right away rather than passed to the
 * server as END: the server would fix "the end" only when the subscription
 * call reaches it, and an append the caller makes just after subscribing
 * could land before that and be missed.
 *
 * The checkpoint is exclusive on the server too, but events at or before it
 * are also dropped here, and the full port filter is re-applied, so delivery
 * does not depend on how narrowly the server filtered.
 */
export class EsdbSubscription implements Subscription {
  private readonly checkpoint: Promise<number>;
  private readonly matches: (event: RecordedEvent) => boolean;
  private subscription?: AllStreamSubscription;
  private closed = false;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: SubscribeOptions,
  ) {
    const from = options.checkpoint ?? 'start';
    this.checkpoint = from === 'end' ? headPosition(client) : Promise.resolve(from === 'start' ? 0 : from);
    // Until someone iterates, a failed head read must not become an unhandled rejection.
    this.checkpoint.catch(() => undefined);
    this.matches = compileFilter(options.filter);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    const checkpoint = await this.checkpoint;
    if (this.closed) return;
    const subscription = this.client.subscribeToAll({
      fromPosition: checkpoint > 0 ? toEsdbPosition(checkpoint) : START,
      filter: toEsdbFilter(this.options.filter),
    });
    this.subscription = subscription;
    try {
      for await (const { event } of subscription) {
        if (this.closed) return;
        if (!event || isSystemEvent(event)) continue;
        const recorded = toRecordedEvent(event);
        if (recorded.position <= checkpoint || !this.matches(recorded)) continue;
        yield recorded;
      }
    } catch (error) {
      // Closing cancels the gRPC call, which surfaces as a premature close.
      if (!this.closed) throw error;
    } finally {
      await this.close();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const subscription = this.subscription;
    if (!subscription) return;
    await subscription.unsubscribe().catch(() => undefined);
    // Wakes an iterator still waiting for the next event.
    subscription.destroy();
  }
}
