import type { Bilag } from '../api/types';
import { filtype, stoerrelse } from './dansk';

/** Download links for a punkt's bilag, each naming the file's kind and size. */
export function BilagListe({ bilag }: { bilag: readonly Bilag[] }) {
  if (bilag.length === 0) return null;
  return (
    <ul className="nobullet-list bilag">
      {bilag.map((fil) => (
        <li key={fil.id}>
          <a href={fil.url} download={fil.filnavn}>
            {fil.titel}
          </a>{' '}
          ({filtype(fil.medietype, fil.filnavn)}, {stoerrelse(fil.stoerrelse)})
        </li>
      ))}
    </ul>
  );
}
