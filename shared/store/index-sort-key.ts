import { createHash } from 'node:crypto';

// DynamoDB refuses a sort key over 1,024 bytes; a text key keeps this many bytes of its text, then a hash.
const MAX_TEXT_BYTES = 960;

/**
 * An index sort key for free text (a topic query): the text itself while it fits DynamoDB's 1,024-byte sort key,
 * else its first bytes (whole characters) and a hash of the whole, so long texts still sort by their start and two
 * texts that share a start never share a key. 500 CJK characters are 1,500 bytes.
 */
export function indexSortKey(text: string): string {
  if (Buffer.byteLength(text, 'utf8') <= MAX_TEXT_BYTES) return text;
  let prefix = '';
  let bytes = 0;
  for (const character of text) {
    bytes += Buffer.byteLength(character, 'utf8');
    if (bytes > MAX_TEXT_BYTES) break;
    prefix += character;
  }
  return `${prefix}#${createHash('sha256').update(text).digest('base64url')}`;
}
