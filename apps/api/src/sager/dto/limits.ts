/** Upper bounds on text fields, in characters; the body limit caps the whole request. */
export const TEXT = {
  titel: 500,
  navn: 200,
  /** Anledning, sagsfremstilling, begrundelse: long prose, within the request body limit. */
  prosa: 200_000,
  atPunkt: 5_000,
} as const;
