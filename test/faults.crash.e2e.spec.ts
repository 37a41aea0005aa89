import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordedEvent } from '@sagsgang/event-store';
import { compareDigests } from '../bench/api/check';
import { Acknowledged, Burst } from './support/burst';
import { ChildApi } from './support/child-api';
import { sagsgang } from './support/cli';
import { logOf, waitUntilCaughtUp } from './support/faults';

describe('Fault: SIGKILL during a burst of mixed commands, then a restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sagsgang-kill-'));
  let acknowledged: Acknowledged[];
  let log: RecordedEvent[];

  beforeAll(async () => {
    // given the API under caseworkers and a secretary sending commands, killed without warning
    let api = await ChildApi.start(dir);
    const burst = new Burst(api, 6);
    try {
      await burst.until(80);
    } finally {
      api.signal('SIGKILL');
      await burst.stop();
      await api.exit;
    }
    acknowledged = burst.acknowledged;
    // when it is started again and left to catch up
    api = await ChildApi.start(dir);
    try {
      await waitUntilCaughtUp(api);
    } finally {
      await api.stop('SIGTERM');
    }
    log = await logOf(dir);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lost no command it had acknowledged', () => {
    const heads = new Map<string, RecordedEvent>();
    for (const event of log) heads.set(event.streamName, event);
    const lost = acknowledged.filter(({ stream, revision }) => (heads.get(stream)?.revision ?? -1) < revision);
    expect(lost).toEqual([]);
  });

  it('has a sag for every sagsnummer it allocated', () => {
    const created = new Set(log.filter((event) => event.type === 'SagOprettet').map((event) => event.data.sagsnummer));
    const allocated = log.filter((event) => event.type === 'SagsnummerTildelt').map((event) => event.data.sagsnummer);
    expect(allocated.filter((number) => !created.has(number))).toEqual([]);
  });

  it('verifies: revisions, positions and the hash chain', async () => {
    expect(await sagsgang(dir, 'verify')).toMatchObject({ code: 0, stdout: expect.stringContaining('OK: no failures') });
  });

  it('has read models equal to a replay of the log', async () => {
    const digests = await compareDigests(dir);
    expect(digests.live).toBe(digests.replayed);
  });
});
