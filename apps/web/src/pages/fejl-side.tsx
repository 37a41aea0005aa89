import { Assets, Side } from './layout';

/** What a visitor sees for a page that does not exist, or a meeting that is not public (the two look alike on purpose). */
export function FejlSide({ assets }: { assets: Assets }) {
  return (
    <Side titel="Siden findes ikke" assets={assets} broedkrummer={[{ tekst: 'Forside', href: '/' }, { tekst: 'Siden findes ikke' }]}>
      <h1>Siden findes ikke</h1>
      <p>Siden findes ikke, eller den er ikke offentlig. Et møde bliver offentligt, når dagsordenen er udsendt.</p>
      <p>
        <a href="/">Gå til forsiden</a> eller <a href="/soeg">søg i dagsordener og referater</a>.
      </p>
    </Side>
  );
}
