/** Bad input on the command line (a malformed bill number, an unknown flag, …): exit code 2, no stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
