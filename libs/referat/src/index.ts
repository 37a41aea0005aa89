export * from './model';
export { renderDagsorden, renderPdf, renderReferat, referatSha256, referatTilGodkendelse } from './render';
export type { PdfValg } from './render';
export { escapeHtml } from './format/html';
export { somTekst } from './format/tekst';
export { moedetidspunkt, kortDato, opremsning } from './dansk';
export { LUKKET_PUNKT, BESLUTNING_TRUFFET, TRUKKET, vistTitel } from './punkt';
export { dokumentblokke } from './dokument';
export type { Blok } from './blokke';
