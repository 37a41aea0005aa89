import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { createEventStore, EVENT_STORE, EventStore } from '@sagsgang/event-store';
import { AppConfig } from '../config/app-config';
import { instrumentEventStore } from '../observability/instrumented-event-store';
import { Metrics } from '../observability/metrics';
import { LogFollower } from './log-follower';

/** Provides the configured event store (appends counted for /metrics) and its LogFollower to every module, and closes the store last on shutdown. */
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
    LogFollower,
  ],
  exports: [EVENT_STORE, LogFollower],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
