import { MemoryEventStore } from '../src';
import { describeEventStoreContract } from '../src/testing/event-store.contract';

describeEventStoreContract('memory', async () => new MemoryEventStore());
