import type { Forside as ForsideData } from '../api/types';
import { Assets, Side, SITENAVN } from './layout';
import { MoedeTabel } from './moede-tabel';
import { SoegeFelt } from './soege-felt';

/** The citizen's way in: search, the coming and recent meetings, every udvalg. */
export function Forside({ data, assets }: { data: ForsideData; assets: Assets }) {
  return (
    <Side titel={SITENAVN} broedkrummer={[]} assets={assets}>
      <h1>{SITENAVN}</h1>
      <p className="font-lead">Find udvalgenes møder, læs dagsordener og referater, og hent bilagene til de åbne punkter.</p>
      <SoegeFelt q="" />
      <h2>Kommende møder</h2>
      <MoedeTabel moeder={data.kommende} titel="Kommende møder" />
      <h2>Seneste møder</h2>
      <MoedeTabel moeder={data.seneste} titel="Seneste møder" />
      <h2>Udvalg</h2>
      {data.udvalg.length === 0 ? (
        <p>Der er endnu ingen offentlige møder.</p>
      ) : (
        <ul>
          {data.udvalg.map((udvalg) => (
            <li key={udvalg}>
              <a href={udvalgSti(udvalg)}>{udvalg}</a>
            </li>
          ))}
        </ul>
      )}
    </Side>
  );
}

export function udvalgSti(udvalg: string): string {
  return `/udvalg/${encodeURIComponent(udvalg)}`;
}
