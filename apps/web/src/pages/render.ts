import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';

/** A whole page as HTML, rendered once on the server: readable without JavaScript. */
export function renderPage(page: ReactElement): string {
  return `<!DOCTYPE html>${renderToString(page)}`;
}
