/** Why a fetch failed; callers branch on this rather than parsing messages. */
export type FetchErrorReason =
  | 'invalid-url'
  | 'timeout'
  | 'too-large'
  | 'bad-encoding'
  | 'network'
  | 'not-found'
  | 'http-status'
  | 'redirect-refused'
  | 'too-many-redirects';

/** Details carried by a {@link FetchError} besides its message. */
export interface FetchErrorDetails {
  reason: FetchErrorReason;
  url: string;
  status?: number;
  /** How long the server asked us to wait (Retry-After), so a caller giving up can still honour it. */
  retryAfterMs?: number;
  cause?: unknown;
}

/** The one error type the polite fetcher throws; `reason` says what went wrong, `url` which page. */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  readonly reason: FetchErrorReason;
  readonly url: string;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(message: string, details: FetchErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.reason = details.reason;
    this.url = details.url;
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
  }
}
