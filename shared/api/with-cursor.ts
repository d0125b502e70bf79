import { InvalidCursorError } from '../store/subscription-store.js';
import { HttpError } from './http-error.js';

/** Runs a listing, answering a cursor it did not hand out with a 400 naming `query.cursor`. */
export async function withCursor<T>(list: () => Promise<T>): Promise<T> {
  try {
    return await list();
  } catch (error) {
    if (error instanceof InvalidCursorError) {
      throw new HttpError(400, 'validation_failed', 'invalid query.cursor', [{ field: 'query.cursor', message: error.message }]);
    }
    throw error;
  }
}
