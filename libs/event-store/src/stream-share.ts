/**
 * One of `of` disjoint shares of the streams, so that work which keeps each
 * stream's events together (replaying read models whose documents are
 * per stream) can read the log in parallel, a share per thread.
 */
export interface StreamShare {
  /** 0 ≤ share < of. */
  share: number;
  of: number;
}

/**
 * The share a stream belongs to: the code point of the last character of its
 * name, modulo `of`. Cheap in SQL (`unicode(substr(name, -1)) % of`) as in
 * JavaScript, and even for names ending in a hex digit or a number.
 */
export function streamShareOf(streamName: string, of: number): number {
  const last = streamName.length - 1;
  const code = streamName.charCodeAt(last);
  const isLowSurrogate = code >= 0xdc00 && code <= 0xdfff && last > 0;
  return (isLowSurrogate ? streamName.codePointAt(last - 1)! : code) % of;
}

export function validateStreamShare({ share, of }: StreamShare): void {
  if (!Number.isSafeInteger(of) || of < 1 || !Number.isSafeInteger(share) || share < 0 || share >= of) {
    throw new RangeError(`a stream share must be a whole number from 0 to below "of" (got share ${share} of ${of})`);
  }
}
