import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { createEventStore, EVENT_STORE, EventStore } from '@sagsgang/event-store';
import { AppConfig } from '../config/app-config';
import { instrumentEventStore } from '../observability/instrumented-event-store';
import { Metrics } from '../observability/metrics';
import { DataFolder } from './data-folder';
import { LogFollower } from './log-follower';

/**
 * Provides the configured event store (appends counted for /metrics, a full
 * disk told to the DataFolder), its LogFollower and the DataFolder to every
 * module, and closes the store last on shutdown. The SQLite store's file is
 * checked whole at start-up: a damaged log stops the API, naming the file.
 */
@Global()
@Module({
  providers: [
    DataFolder,
    {
      provide: EVENT_STORE,
      inject: [AppConfig, Metrics, DataFolder],
      useFactory: (config: AppConfig, metrics: Metrics, dataFolder: DataFolder): EventStore =>
        instrumentEventStore(
          createEventStore({
            connectionString: config.EVENTSTORE_CONNECTION_STRING,
            dataDir: config.SAGSGANG_DATA,
            durability: config.SAGSGANG_DURABILITY,
            // Requests go on being served while a group commit waits for the disk.
            writer: 'thread',
            checkIntegrity: true,
          }),
          metrics,
          dataFolder,
        ),
    },
    LogFollower,
  ],
  exports: [EVENT_STORE, LogFollower, DataFolder],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
