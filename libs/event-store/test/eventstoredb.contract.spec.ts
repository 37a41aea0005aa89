import { EventStoreDbEventStore } from '../src/eventstoredb/eventstoredb-event-store';
import { describeEventStoreContract } from '../src/testing/event-store.contract';

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  describeEventStoreContract('eventstoredb', async () => EventStoreDbEventStore.connect(connectionString));
} else {
  // Said once, plainly, on stdout: this run proves nothing about EventStoreDB.
  process.stdout.write(
    'skipped: no EventStoreDB at EVENTSTORE_CONNECTION_STRING (unset) — the EventStoreDB contract run needs a server, ' +
      'e.g. docker compose -f docker/compose.yml up eventstoredb\n',
  );
  describe('EventStore contract: eventstoredb', () => {
    it.skip('needs EVENTSTORE_CONNECTION_STRING=esdb://… pointing at a running EventStoreDB', () => undefined);
  });
}
