import type { EventStore } from './event-store.port';
import { isTransientStoreError } from './errors';

/**
 * Where something derived from the log (a read model, a process manager)
 * stands in it: the store it read, the last position it took in, and the id
 * of the event there. Kept with its checkpoint, so that a checkpoint from
 * another store, or ahead of a log that lost its tail or was restored from
 * an older copy, is recognised instead of trusted.
 */
export interface LogAnchor {
  position: number;
  /** Unknown for checkpoints written before anchors were kept. */
  storeId?: string;
  eventId?: string;
}

/**
 * Why `anchor` is not a place in this store's log, or undefined when it is.
 * Position 0 (nothing taken in yet) is in every log. An anchor whose event
 * is in the log at its position, in the same store, has the log before it
 * as it was, since a log only ever grows. Throws only what may pass (the
 * store unreachable), so that a checkpoint is never dropped for a network error.
 */
export async function anchorMismatch(store: EventStore, anchor: LogAnchor): Promise<string | undefined> {
  if (anchor.position === 0) return undefined;
  const identity = await store.identity();
  if (anchor.storeId !== undefined && anchor.storeId !== identity) {
    return `the checkpoint was taken from another event store (${anchor.storeId}; this one is ${identity})`;
  }
  const head = await store.headPosition();
  if (anchor.position > head) return `the checkpoint (position ${anchor.position}) is ahead of the log, whose newest event is at ${head}`;
  if (anchor.eventId === undefined) return undefined;
  try {
    const [event] = await store.readAll({ fromPosition: anchor.position, maxCount: 1 });
    if (event?.position === anchor.position && event.id === anchor.eventId) return undefined;
  } catch (error) {
    if (isTransientStoreError(error)) throw error;
  }
  return `the log holds another event at the checkpoint's position ${anchor.position} than the one taken in there`;
}

/** The anchor of the newest event in the log (position 0 when it is empty). */
export async function headAnchor(store: EventStore): Promise<LogAnchor> {
  const storeId = await store.identity();
  const [newest] = await store.readAll({ direction: 'backwards', maxCount: 1 });
  return newest ? { storeId, position: newest.position, eventId: newest.id } : { storeId, position: 0 };
}
