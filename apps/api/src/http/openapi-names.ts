import type { OpenAPIObject } from '@nestjs/swagger';

const SCHEMAS = '#/components/schemas/';

/**
 * A generated client reads the schemas by name, so they are named for it:
 * `Sag`, `OpretSag`, `RegistrerBeslutning`, not the API's class names
 * (`SagDto`, `OpretSagDto`, …). Two classes that would get the same name
 * are a mistake in the API, caught here at start-up.
 */
export function schemasNamedForClients(document: OpenAPIObject): OpenAPIObject {
  const schemas = document.components?.schemas ?? {};
  const names = new Map(Object.keys(schemas).map((name) => [name, name.replace(/Dto$/, '')]));
  const taken = new Map<string, string>();
  for (const [name, renamed] of names) {
    const other = taken.get(renamed);
    if (other) throw new Error(`OpenAPI schemas ${other} and ${name} would both be named ${renamed}`);
    taken.set(renamed, name);
  }
  const renamed = JSON.parse(JSON.stringify(document), (key, value: unknown) =>
    key === '$ref' && typeof value === 'string' && value.startsWith(SCHEMAS)
      ? SCHEMAS + (names.get(value.slice(SCHEMAS.length)) ?? value.slice(SCHEMAS.length))
      : value,
  ) as OpenAPIObject;
  renamed.components = {
    ...renamed.components,
    schemas: Object.fromEntries(Object.entries(renamed.components?.schemas ?? {}).map(([name, schema]) => [names.get(name)!, schema])),
  };
  return renamed;
}
