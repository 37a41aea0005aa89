import { GroupCommit, Outcome } from './group-commit';

/** An asynchronous writer whose commits finish when the test says so. */
class ManualWriter {
  readonly groups: number[][] = [];
  private readonly finish: Array<() => void> = [];

  commit = (requests: number[]): Promise<Outcome<number>[]> => {
    this.groups.push(requests);
    return new Promise((resolve) => this.finish.push(() => resolve(requests.map((r) => ({ ok: r * 10 })))));
  };

  complete(index: number): void {
    this.finish[index]();
  }
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
  it('groups what is submitted in one turn into one commit, each request answered alone', async () => {
    const commits: number[][] = [];
    const group = new GroupCommit<number, number>(
      (requests) => {
        commits.push(requests);
        return requests.map((r) => (r === 2 ? { error: new Error('refused') } : { ok: r * 10 }));
      },
      () => undefined,
    );
    const results = await Promise.allSettled([1, 2, 3].map((r) => group.submit(r)));
    expect(commits).toEqual([[1, 2, 3]]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'refused'))).toEqual([10, 'refused', 30]);
  });

  it('hands a second group over while the first is in flight, and holds a third until one is done', async () => {
    const writer = new ManualWriter();
    const group = new GroupCommit<number, number>(writer.commit, () => undefined);
    const first = group.submit(1);
    await turn();
    const second = group.submit(2);
    await turn();
    const third = group.submit(3);
    const fourth = group.submit(4);
    await turn();
    expect(writer.groups).toEqual([[1], [2]]);

    writer.complete(0);
    await expect(first).resolves.toBe(10);
    await turn();
    expect(writer.groups).toEqual([[1], [2], [3, 4]]);

    writer.complete(1);
    writer.complete(2);
    await expect(Promise.all([second, third, fourth])).resolves.toEqual([20, 30, 40]);
  });

  it('with a hand-over, sends a lone request at once and gathers the next ones for a turn', async () => {
    const writer = new ManualWriter();
    const group = new GroupCommit<number, number>(writer.commit, () => undefined, { maxGroupSize: 5, sizeOf: (r) => r });
    const answers = [1, 1, 1].map((r) => group.submit(r));
    expect(writer.groups).toEqual([[1]]);
    await turn();
    expect(writer.groups).toEqual([[1], [1, 1]]);
    writer.complete(0);
    writer.complete(1);
    await expect(Promise.all(answers)).resolves.toEqual([10, 10, 10]);
  });

  it('with a hand-over, sends a full group at once as the second in flight and splits a burst into groups of at most maxGroupSize', async () => {
    const writer = new ManualWriter();
    const group = new GroupCommit<number, number>(writer.commit, () => undefined, { maxGroupSize: 5, sizeOf: (r) => r });
    const answers = [1, 3, 2, 4, 9, 1].map((r) => group.submit(r));
    expect(writer.groups).toEqual([[1], [3, 2]]);
    writer.complete(0);
    await answers[0];
    await turn();
    expect(writer.groups).toEqual([[1], [3, 2], [4, 9]]);
    writer.complete(1);
    await answers[1];
    await turn();
    await turn();
    expect(writer.groups).toEqual([[1], [3, 2], [4, 9], [1]]);
    writer.complete(2);
    writer.complete(3);
    await expect(Promise.all(answers)).resolves.toEqual([10, 30, 20, 40, 90, 10]);
  });

  it('drains only once every group in flight is answered', async () => {
    const writer = new ManualWriter();
    const group = new GroupCommit<number, number>(writer.commit, () => undefined);
    void group.submit(1);
    await turn();
    void group.submit(2);
    let drained = false;
    void group.drained().then(() => (drained = true));
    await turn();
    writer.complete(0);
    await turn();
    expect(drained).toBe(false);
    writer.complete(1);
    await turn();
    expect(drained).toBe(true);
  });
});
