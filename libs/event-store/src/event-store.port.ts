import type { StreamShare } from './stream-share';

/**
 * The event store port. Semantics follow EventStoreDB so that the embedded
 * SQLite store, the in-memory store and EventStoreDB are interchangeable.
 */

/** A JSON value as stored in an event's data. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** What the caller expects the stream's current revision to be. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

/** An event about to be appended. `id` is a UUID; the same id makes a retry a no-op. */
export interface EventData {
  id: string;
  type: string;
  data: JsonObject;
  metadata?: JsonObject;
}

/** The hash chain fields the store adds to every event's metadata. */
export interface ChainedMetadata extends JsonObject {
  prevHash: string;
  hash: string;
}

export interface RecordedEvent {
  id: string;
  streamName: string;
  /** Revision within the stream, counting from 0. */
  revision: number;
  /** Global, strictly increasing position in the log (first event: 1 on SQLite and memory). */
  position: number;
  type: string;
  data: JsonObject;
  metadata: ChainedMetadata;
}

export interface AppendResult {
  /** The stream's revision after the append (the last appended event's revision). */
  nextExpectedRevision: number;
  /** The global position of the last appended event. */
  position: number;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  direction?: Direction;
  /** Inclusive. Default: 'start' forwards, 'end' backwards. */
  fromRevision?: number | 'start' | 'end';
  maxCount?: number;
}

export interface ReadAllOptions {
  direction?: Direction;
  /** Inclusive. Default: 'start' forwards, 'end' backwards. */
  fromPosition?: number | 'start' | 'end';
  maxCount?: number;
}

export interface SubscriptionFilter {
  /** Deliver only events whose stream name starts with one of these. */
  streamPrefixes?: string[];
  /** Deliver only events of these types. */
  eventTypes?: string[];
}

export interface SubscribeOptions {
  /**
   * The last position already processed: delivery starts after it.
   * 'start' delivers the whole log, 'end' only what is appended from now on.
   */
  checkpoint?: number | 'start' | 'end';
  filter?: SubscriptionFilter;
}

/** Catch-up then live delivery, in position order, without gaps or duplicates. */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

/**
 * An event without its metadata (who recorded it and the hash chain): what
 * read models are built from, and what readLogPages gives.
 */
export type LoggedEvent = Omit<RecordedEvent, 'metadata'>;

export interface LogPagesOptions {
  /**
   * Exclusive: the last position already processed, 0 for the whole log. Only
   * a position the store returned is ever passed back to it (on EventStoreDB
   * a position is a byte offset, and one where no event starts is refused).
   */
  afterPosition: number;
  /** Inclusive. */
  toPosition: number;
  /** Events per page at most; a page of a share may hold fewer, and no page is empty. */
  pageSize: number;
  /** Only the events of the streams in this share (streamShareOf); all streams when left out. */
  streams?: StreamShare;
}

/** One stream's part of an append to several streams. */
export interface StreamAppend {
  streamName: string;
  events: EventData[];
  expectedRevision?: ExpectedRevision;
}

export interface EventStoreCapabilities {
  /**
   * appendToStreams is all or nothing (one transaction on SQLite). Where it
   * is not (EventStoreDB), the streams are appended one after the other, and
   * a crash between them leaves the first without the rest.
   */
  atomicMultiStreamAppend: boolean;
}

export interface EventStore {
  readonly capabilities: EventStoreCapabilities;
  append(streamName: string, events: EventData[], expectedRevision?: ExpectedRevision): Promise<AppendResult>;
  /**
   * Appends to several distinct streams, each with its own expected revision
   * and the same retry semantics as append; one result per stream, in order.
   * If one is refused, none is appended (where atomicMultiStreamAppend).
   */
  appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]>;
  /** Events of one stream; an unknown stream reads as empty. */
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * The global log between two positions, page by page, without metadata, as
   * fast as the store can give it, in the calling thread. For rebuilding read
   * models, in parallel by share of the streams if they allow it.
   */
  readLogPages(options: LogPagesOptions): AsyncIterable<LoggedEvent[]>;
  subscribeToAll(options?: SubscribeOptions): Subscription;
  /** Position of the newest event in the log, 0 when the log is empty. */
  headPosition(): Promise<number>;
  /**
   * A UUID naming this store for as long as it exists: a copy of its files
   * (sagsgang backup) keeps it, a new store an export is imported into gets
   * its own. What is derived from the log records it with its checkpoint.
   */
  identity(): Promise<string>;
  /** Flushes pending work and releases the store. */
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
