import { HttpError } from './http-error.js';
import type { ApiRequest } from './http-types.js';
import type { BodyKind } from './route.js';

const MEDIA_TYPES: Record<Exclude<BodyKind, 'any'>, string> = {
  json: 'application/json',
  form: 'application/x-www-form-urlencoded',
};

/**
 * The body as the route's schema will see it: parsed JSON, a form as `{ field: value }` (a field sent more
 * than once becomes an array), or the raw text.
 * @throws HttpError 415 for another media type, 400 for JSON that does not parse.
 */
export function readBody(request: ApiRequest, kind: BodyKind): unknown {
  if (kind === 'any') return request.body;
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType !== MEDIA_TYPES[kind]) {
    throw new HttpError(415, 'unsupported_media_type', `send the body as ${MEDIA_TYPES[kind]}`, [], {
      'accept-post': MEDIA_TYPES[kind],
    });
  }
  if (kind === 'form') return formFields(request.body);
  try {
    return JSON.parse(request.body) as unknown;
  } catch {
    throw new HttpError(400, 'invalid_json', 'the body is not valid JSON', [{ field: 'body', message: 'not valid JSON' }]);
  }
}

/** An urlencoded form as an object; repeated fields (checkboxes) become arrays. */
export function formFields(text: string): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const [name, value] of new URLSearchParams(text)) {
    const previous = fields[name];
    fields[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return { ...fields };
}
