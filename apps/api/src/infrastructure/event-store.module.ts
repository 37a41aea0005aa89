import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { createEventStore, EVENT_STORE, EventStore } from '@sagsgang/event-store';
import { AppConfig } from '../config/app-config';
import { instrumentEventStore } from '../observability/instrumented-event-store';
import { Metrics } from '../observability/metrics';

/** Provides the configured event store (appends counted for /metrics) to every module and closes it last on shutdown. */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [AppConfig, Metrics],
      useFactory: (config: AppConfig, metrics: Metrics): EventStore =>
        instrumentEventStore(
          createEventStore({
            connectionString: config.EVENTSTORE_CONNECTION_STRING,
            dataDir: config.SAGSGANG_DATA,
            durability: config.SAGSGANG_DURABILITY,
            // Requests go on being served while a group commit waits for the disk.
            writer: 'thread',
          }),
          metrics,
        ),
    },
  ],
  exports: [EVENT_STORE],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
