/** A domain command as a controller builds it: `{ type, data }`, without the metadata the handler adds. */
export type PlainCommand<C> = C extends { metadata: unknown } ? Omit<C, 'metadata'> : never;
