import type { Blok } from '@sagsgang/referat';
import type { Forside as ForsideData, Moede, MoedeListe } from '../api/types';
import { DokumentSide, Dokumentart } from './dokument-side';
import { FejlSide } from './fejl-side';
import { Forside } from './forside';
import type { Assets } from './layout';
import { MoedeSide } from './moede-side';
import { renderPage } from './render';
import { SoegeSide, SoegeSideData } from './soege-side';
import { UdvalgSide } from './udvalg-side';

/** Each public page as a complete HTML document, from the public API's data. */
export const sider = {
  forside: (data: ForsideData, assets: Assets) => renderPage(<Forside data={data} assets={assets} />),
  udvalg: (udvalg: string, liste: MoedeListe, assets: Assets) => renderPage(<UdvalgSide udvalg={udvalg} liste={liste} assets={assets} />),
  moede: (moede: Moede, assets: Assets) => renderPage(<MoedeSide moede={moede} assets={assets} />),
  dokument: (moede: Moede, art: Dokumentart, blokke: readonly Blok[], assets: Assets) =>
    renderPage(<DokumentSide moede={moede} art={art} blokke={blokke} assets={assets} />),
  soeg: (data: SoegeSideData, assets: Assets) => renderPage(<SoegeSide data={data} assets={assets} />),
  fejl: (assets: Assets) => renderPage(<FejlSide assets={assets} />),
};
