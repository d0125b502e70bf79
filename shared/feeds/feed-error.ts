/** Why a feed could not be read. */
export type FeedErrorReason = 'empty' | 'too-large' | 'html' | 'malformed-xml' | 'not-a-feed' | 'undecodable';

/** A feed body that cannot be read as a feed; the only error parseFeed throws. */
export class FeedError extends Error {
  override readonly name = 'FeedError';

  constructor(
    readonly reason: FeedErrorReason,
    readonly feedUrl: string,
    detail: string,
  ) {
    super(`${feedUrl}: ${detail}`);
  }
}
