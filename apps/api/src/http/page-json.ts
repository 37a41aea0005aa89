/** What Fastify sends with a JSON body it serialised itself. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * A page of a list as the response's JSON text — `{ items, total, limit,
 * offset }` — from documents kept as JSON text by the read models: they are
 * sent as stored instead of parsed and serialised again.
 */
export function pageJson(items: ReadonlyArray<{ json: string }>, total: number, page: { limit: number; offset: number }): string {
  return `{"items":[${items.map((item) => item.json).join(',')}],"total":${total},"limit":${page.limit},"offset":${page.offset}}`;
}
