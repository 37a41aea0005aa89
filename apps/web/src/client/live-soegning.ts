import { api } from '../api/client';
import type { SoegeHit } from '../api/types';

const VENT_MS = 300;

/**
 * On the search page, fetches the hits while the visitor types and shows
 * them in place of the last ones, announcing the count politely. Texts are
 * set as text, never as markup. The form still submits as without script.
 */
export function forbedrSoegning(dokument: Document): void {
  const felt = dokument.querySelector<HTMLInputElement>('form[action="/soeg"] input[name="q"]');
  const liste = dokument.querySelector<HTMLOListElement>('ol.soegeresultater');
  const status = dokument.querySelector<HTMLElement>('#soegestatus');
  if (!felt || !liste || !status) return;
  let timer: number | undefined;
  felt.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void vis(felt.value.trim(), liste, status), VENT_MS);
  });
}

async function vis(q: string, liste: HTMLOListElement, status: HTMLElement): Promise<void> {
  if (q === '') return;
  const { data } = await api.GET('/offentlig/soeg', { params: { query: { q, limit: 20, offset: 0 } } });
  if (!data) return;
  liste.replaceChildren(...data.items.map((hit) => punkt(liste.ownerDocument, hit)));
  status.textContent = data.items.length === 0 ? 'Ingen resultater' : `${data.items.length}${data.flere ? '+' : ''} resultater`;
}

function punkt(dokument: Document, hit: SoegeHit): HTMLLIElement {
  const li = dokument.createElement('li');
  const overskrift = li.appendChild(dokument.createElement('h3'));
  overskrift.className = 'h5';
  const link = overskrift.appendChild(dokument.createElement('a'));
  link.href = `/moede/${hit.moedeId}/${hit.art}#punkt-${hit.punktNr}`;
  link.textContent = hit.punktTitel;
  const uddrag = li.appendChild(dokument.createElement('p'));
  for (const del of hit.uddrag) uddrag.appendChild(dokument.createElement(del.fremhaevet ? 'mark' : 'span')).textContent = del.tekst;
  return li;
}
