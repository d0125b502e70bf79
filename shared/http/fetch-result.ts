/** What the caller remembers from the previous poll, so an unchanged page costs next to nothing. */
export interface FetchConditions {
  /** Sent as If-None-Match. */
  etag?: string;
  /** Sent as If-Modified-Since. */
  lastModified?: string;
  /** sha256 hex of the previous body; an identical body comes back as `unchanged` without its bytes. */
  previousHash?: string;
  /**
   * Makes the reader of a 2xx body, one for each body read (a retry's or a redirect target's gets its own), so that it
   * may remember what it found in the body's earlier heads. The body of a `fetched` result is the last one read.
   */
  bodyReader?: () => BodyReader;
}

/** Reads one body for the caller as it arrives: each call is given a head of that body at least as long as the last. */
export interface BodyReader {
  /**
   * How many leading bytes of a body hold everything the caller reads, given the head that has arrived (undefined
   * while they may not have): the rest is read and dropped, and `body` is that head. The whole body when absent.
   */
  neededBytes?(head: Buffer): number | undefined;
  /**
   * The bytes of the body that carry meaning (e.g. a bill page's header and history), hashed instead of the whole
   * body; the whole body when absent.
   */
  significantBytes?(body: Buffer): Uint8Array;
}

/** Validators the server sent, to be stored for the next conditional GET. */
export interface ResponseValidators {
  etag?: string;
  lastModified?: string;
}

/** The server answered 304 Not Modified. */
export interface NotModifiedResult {
  kind: 'not-modified';
}

/** The server sent a body whose sha256 equals `previousHash`; the bytes are dropped. */
export interface UnchangedResult extends ResponseValidators {
  kind: 'unchanged';
  hash: string;
}

/** A new body. `body` is raw bytes (the needed head, when the request said how much is needed): the caller decodes it using the charset in `contentType`. */
export interface FetchedResult extends ResponseValidators {
  kind: 'fetched';
  status: number;
  body: Buffer;
  /** sha256 hex of `body` (or of its significant bytes, when the request named them). */
  hash: string;
  contentType?: string;
  /** The URL after same-host redirects. */
  finalUrl: string;
}

/** Outcome of a successful poll; failures are thrown as FetchError. */
export type FetchResult = NotModifiedResult | UnchangedResult | FetchedResult;
