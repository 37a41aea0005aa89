import type { MoedeResume } from '../api/types';
import { moedetidspunkt, statusTekst } from './dansk';

/** Meetings as a DKFDS table: each row links to the meeting's page. */
export function MoedeTabel({ moeder, titel }: { moeder: readonly MoedeResume[]; titel: string }) {
  if (moeder.length === 0) return <p>Ingen møder.</p>;
  return (
    <div className="table--responsive-scroll">
      <table className="table">
        <caption className="sr-only">{titel}</caption>
        <thead>
          <tr>
            <th scope="col">Møde</th>
            <th scope="col">Tidspunkt</th>
            <th scope="col">Sted</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {moeder.map((moede) => (
            <tr key={moede.id}>
              <th scope="row">
                <a href={`/moede/${moede.id}`}>{moede.udvalg}</a>
              </th>
              <td>{moedetidspunkt(moede.start)}</td>
              <td>{moede.sted}</td>
              <td>{statusTekst(moede.status)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
