import { BenchRequest, runAutocannon } from './autocannon';
import { CONNECTIONS, Run } from './load';
import { Seeded } from './seed';

/** Words of the seeded sager's texts, as citizens would search for them. */
const SOEGNINGER = ['budgetopfølgning', 'merforbrug', 'kvartalets budgetopfølgning', 'Byrådet orienteringen'];

export const PUBLIC_PAGE_TARGETS = { requestsPerSecond: 1_000, p99Ms: 100 };

/**
 * The public pages under load, one at a time, without a token: the meeting page, the referat page, the search page.
 * `measured` runs each one and adds what the API spent on it.
 */
export async function runPublicPages(
  url: string,
  seeded: Seeded,
  seconds: number,
  measured: (work: () => Promise<Run>) => Promise<Run>,
): Promise<Run[]> {
  await searchIndexed(url);
  let n = 0;
  const pages: Array<[string, () => string]> = [
    ['meeting page', () => `/moede/${seeded.moedeId}`],
    ['referat page', () => `/moede/${seeded.moedeId}/referat`],
    ['search page', () => `/soeg?q=${encodeURIComponent(SOEGNINGER[n++ % SOEGNINGER.length])}`],
  ];
  const runs: Run[] = [];
  for (const [name, path] of pages) runs.push(await measured(() => runPage(url, name, path, seconds)));
  return runs;
}

async function runPage(url: string, name: string, path: () => string, seconds: number): Promise<Run> {
  const failures: Record<string, number> = {};
  const requests: BenchRequest[] = [
    {
      method: 'GET',
      setupRequest: (request) => ({ ...request, path: path(), headers: { accept: 'text/html' } }),
      onResponse: (status) => {
        if (status !== 200) failures[`GET ${name} → ${status}`] = (failures[`GET ${name} → ${status}`] ?? 0) + 1;
      },
    },
  ];
  const result = await runAutocannon({ url, connections: CONNECTIONS, duration: seconds, requests, timeout: 10 });
  return { name, connections: CONNECTIONS, seconds, result, failures };
}

/** The search index follows the log a moment behind the seeding; the search run starts once it has the referat. */
async function searchIndexed(url: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const response = await fetch(`${url}/offentlig/soeg?q=${encodeURIComponent(SOEGNINGER[0])}`);
    if (response.ok && ((await response.json()) as { items: unknown[] }).items.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the search index did not show the seeded referat within 10 s');
}
