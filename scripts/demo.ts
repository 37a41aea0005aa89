/**
 * `npm run demo`: takes one sag from creation to a published referat through
 * the HTTP API of a running sagsgang, the way a caseworker and a secretary
 * would, and prints the public referat's address.
 *
 *   SAGSGANG_URL         the API (default http://127.0.0.1:3000, as `npm start` listens)
 *   SAGSGANG_JWT_SECRET  the secret it verifies tokens with; without it, the one
 *                        `npm start` generated into SAGSGANG_DATA (default ./data)
 */
import { issueToken, loadOrCreateJwtSecret } from '@sagsgang/auth';
import { Role } from '@sagsgang/kernel';

const url = (process.env.SAGSGANG_URL || 'http://127.0.0.1:3000').replace(/\/+$/, '');
const secret = loadOrCreateJwtSecret(process.env.SAGSGANG_DATA || './data', process.env.SAGSGANG_JWT_SECRET);
const MEDLEMMER = ['Lars Holte', 'Jørgen Lerhard', 'Per Aalbæk Nielsen'];

async function post(role: Role, path: string, body: object = {}): Promise<Record<string, unknown>> {
  const token = issueToken(secret, { userId: role === 'sagsbehandler' ? 'anna' : 'kathrine', role });
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${String(answer.title)}: ${String(answer.detail)}`);
  return answer;
}

const step = (text: string) => process.stdout.write(`${text}\n`);

async function main(): Promise<void> {
  const sag = await post('sagsbehandler', '/sager', {
    titel: 'Nye seniorboliger i Albertslund',
    journalnummer: '02.00.00-A00-4-16',
    sagstype: 'beslutning',
    sagsgang: ['Direktionen'],
    ansvarligEnhed: 'By & Miljø',
  });
  const sagId = String(sag.id);
  step(`sag ${String(sag.sagsnummer)} oprettet`);
  await post('sagsbehandler', `/sager/${sagId}/anledning`, { tekst: 'Etablering af nye almennyttige seniorboliger.' });
  await post('sagsbehandler', `/sager/${sagId}/sagsfremstilling`, { tekst: 'Der tilrettelægges en borgerinddragelse i to spor.' });
  await post('sagsbehandler', `/sager/${sagId}/indstilling`, {
    indstiller: 'Direktøren for By og Miljø indstiller,',
    atPunkter: ['at processen godkendes'],
  });
  step('anledning, sagsfremstilling og indstilling givet');

  const moede = await post('sekretaer', '/moeder', {
    udvalg: 'Direktionen',
    start: '2026-01-12T09:00:00+01:00',
    sted: 'Mødelokale B105',
    medlemmer: MEDLEMMER.map((navn) => ({ navn })),
    sekretaer: 'Kathrine Seier Skaastrup',
  });
  const moedeId = String(moede.id);
  const punkt = await post('sekretaer', `/moeder/${moedeId}/punkter`, { sagId });
  await post('sekretaer', `/moeder/${moedeId}/udsend`);
  await post('sekretaer', `/moeder/${moedeId}/aabn`);
  step(`møde i Direktionen indkaldt, sagen er punkt ${String(punkt.nr)}, dagsordenen udsendt og mødet åbnet`);
  await post('sekretaer', `/moeder/${moedeId}/punkter/${String(punkt.nr)}/beslutning`, {
    udfald: 'godkendt',
    beslutningstekst: 'Godkendt.',
  });
  await post('sekretaer', `/moeder/${moedeId}/haev`);
  for (const medlem of MEDLEMMER) await post('sekretaer', `/moeder/${moedeId}/referat/godkend`, { medlem });
  await post('sekretaer', `/moeder/${moedeId}/referat/offentliggoer`);
  step('beslutningen registreret, mødet hævet, referatet godkendt og offentliggjort:');
  step(`${url}/moeder/${moedeId}/referat`);
}

main().catch((error: unknown) => {
  process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
