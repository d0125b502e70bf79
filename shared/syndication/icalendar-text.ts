/** Characters a TEXT value (RFC 5545 §3.3.11) may not hold: controls other than the newlines escaped below. */
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

/**
 * A TEXT property value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line breaks written as `\n`,
 * control characters dropped.
 */
export function icalText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(CONTROLS, '')
    .replace(/[\\;,]/g, (character) => `\\${character}`)
    .replace(/\n/g, '\\n');
}

/** A content line may be at most this many octets, line break excluded (RFC 5545 §3.1). */
export const MAX_LINE_OCTETS = 75;

/**
 * Folds a content line into lines of at most 75 octets of UTF-8, each continuation starting with one space
 * (RFC 5545 §3.1), never splitting a character (a Cyrillic letter is two octets, some symbols four).
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character, 'utf8');
    // A continuation's leading space counts towards its 75 octets.
    const limit = lines.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      lines.push(current);
      current = '';
      octets = 0;
    }
    current += character;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n ');
}

/** Content lines as an iCalendar stream: each folded, each ended by CRLF. */
export function icalLines(lines: readonly string[]): string {
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}
