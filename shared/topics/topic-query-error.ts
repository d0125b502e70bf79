/** A topic query that cannot be parsed; `position` is the 0-based character offset of the problem. */
export class TopicQueryError extends Error {
  override readonly name = 'TopicQueryError';

  constructor(
    /** What is wrong, without the position (e.g. "unclosed quote"). */
    readonly problem: string,
    readonly position: number,
  ) {
    super(`${problem} at ${position}`);
  }
}
