/** Error codes of a connection that nothing answered: the local stack is not running, or not on that port. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * Whether `error` (or an error it wraps, as the AWS SDK and fetch do) is a refused or unreachable connection.
 * Looks through `cause` and the `errors` of an AggregateError (Node tries each address of a name in turn).
 */
export function isUnreachable(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return true;
  if (Array.isArray(errors) && errors.some((inner) => isUnreachable(inner, depth + 1))) return true;
  return isUnreachable(cause, depth + 1);
}

/** The one line the CLI prints when the local stack it was pointed at does not answer. */
export function stackUnreachableMessage(envFile: string, endpoint: string | undefined): string {
  return `cannot reach the local stack${endpoint ? ` at ${endpoint}` : ''} (named in ${envFile}): is \`npm start\` or \`npm run demo\` running?`;
}
