import { randomUUID } from 'node:crypto';
import { EventData, ExpectedRevisionConflict, MemoryEventStore } from '@sagsgang/event-store';
import { instrumentEventStore } from './instrumented-event-store';
import { Metrics, streamCategory } from './metrics';

const event = (): EventData => ({ id: randomUUID(), type: 'Proeve', data: {} });

async function value(metrics: Metrics, name: string, category: string): Promise<number> {
  const metric = await metrics.registry.getSingleMetric(name)!.get();
  return metric.values.find((sample) => sample.labels.category === category)?.value ?? 0;
}

describe('instrumentEventStore', () => {
  it('counts the events of an accepted append by stream category', async () => {
    const metrics = new Metrics();
    const store = instrumentEventStore(new MemoryEventStore(), metrics);

    await store.append('sag-1', [event(), event()], 'no_stream');

    expect(await value(metrics, 'sagsgang_events_appended_total', 'sag')).toBe(2);
  });

  it('counts a refused expected revision as a conflict and appends nothing', async () => {
    const metrics = new Metrics();
    const store = instrumentEventStore(new MemoryEventStore(), metrics);
    await store.append('moede-1', [event()], 'no_stream');

    await expect(store.append('moede-1', [event()], 'no_stream')).rejects.toBeInstanceOf(ExpectedRevisionConflict);

    expect(await value(metrics, 'sagsgang_expected_revision_conflicts_total', 'moede')).toBe(1);
    expect(await value(metrics, 'sagsgang_events_appended_total', 'moede')).toBe(1);
  });

  it('passes reads through unchanged', async () => {
    const inner = new MemoryEventStore();
    const store = instrumentEventStore(inner, new Metrics());
    await store.append('sag-1', [event()], 'no_stream');

    expect(await store.readStream('sag-1')).toEqual(await inner.readStream('sag-1'));
    expect(await store.headPosition()).toBe(1);
  });
});

describe('streamCategory', () => {
  it.each([
    ['sag-4f1c2d9e-8a7b', 'sag'],
    ['moede-1', 'moede'],
    ['sagsnummer-26', 'sagsnummer'],
    ['$system', '$system'],
  ])('names %s by %s', (stream, category) => {
    expect(streamCategory(stream)).toBe(category);
  });
});
