import type * as z from 'zod';

/** One bad field of a request: where (`body.email`, `query.cursor`) and what is wrong. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** An answer other than success that a route decides on; the router turns it into a response. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    /** A stable machine-readable code, e.g. `validation_failed`. */
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** A 400 that names every bad field of a zod failure, prefixed with where the value came from. */
export function validationError(where: 'body' | 'query' | 'path', error: z.ZodError): HttpError {
  const issues = error.issues.map((issue) => ({
    field: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  return new HttpError(400, 'validation_failed', `invalid ${issues.map((issue) => issue.field).join(', ')}`, issues);
}
