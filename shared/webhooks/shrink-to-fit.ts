/**
 * Keys whose strings are identifiers, addresses or dates: cutting one would not shorten a text, it would make it false
 * (a broken link, an id that matches nothing), so they are never cut.
 */
const UNCUTTABLE_KEYS: ReadonlySet<string> = new Set([
  'id', 'changeId', 'alertId', 'number', 'url', 'link', 'date', 'detectedAt', 'publishedAt', 'timestamp', 'eventNumber', 'type', 'kind',
]);

interface ShrinkLevel {
  maxStringChars: number;
  maxArrayItems: number;
}

/** Progressively harsher; the last keeps every fact of a change (there are at most five kinds). */
const SHRINK_LEVELS: readonly ShrinkLevel[] = [
  { maxStringChars: 2000, maxArrayItems: 50 },
  { maxStringChars: 500, maxArrayItems: 20 },
  { maxStringChars: 200, maxArrayItems: 10 },
  { maxStringChars: 100, maxArrayItems: 5 },
];

/** The payload could not be brought under the limit without cutting identifiers or links. */
export class PayloadTooLargeError extends Error {
  override readonly name = 'PayloadTooLargeError';
}

/** Size in bytes of the UTF-8 JSON a value serialises to: what the receiver's limit counts. */
export function jsonByteLength(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/** Cuts by code points, so a surrogate pair (emoji) is never split into invalid UTF-16. */
function cutText(text: string, maxChars: number): string {
  const codePoints = Array.from(text);
  return codePoints.length <= maxChars ? text : `${codePoints.slice(0, maxChars - 1).join('')}…`;
}

function shrink(value: unknown, level: ShrinkLevel, key: string | undefined): unknown {
  if (typeof value === 'string') {
    return key !== undefined && UNCUTTABLE_KEYS.has(key) ? value : cutText(value, level.maxStringChars);
  }
  if (Array.isArray(value)) return value.slice(0, level.maxArrayItems).map((item) => shrink(item, level, key));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, shrink(item, level, name)]));
  }
  return value;
}

/**
 * Returns `data` as is when the envelope around it serialises within `maxBytes`; otherwise the first shrink level
 * that fits — long texts cut with "…", long lists cut to their first items — with `truncated: true`, so the receiver
 * knows to fetch the full record from its link.
 * @param envelope wraps the data the way it is sent, so the whole body is measured
 * @throws PayloadTooLargeError when even the harshest level does not fit
 */
export function shrinkToFit<Data extends { truncated: boolean }, Envelope>(
  data: Data,
  envelope: (data: Data) => Envelope,
  maxBytes: number,
): Envelope {
  const whole = envelope(data);
  if (jsonByteLength(whole) <= maxBytes) return whole;
  for (const level of SHRINK_LEVELS) {
    const candidate = envelope({ ...(shrink(data, level, undefined) as Data), truncated: true });
    if (jsonByteLength(candidate) <= maxBytes) return candidate;
  }
  throw new PayloadTooLargeError(`payload stays over ${maxBytes} bytes even with every text and list cut`);
}
