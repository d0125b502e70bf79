import { describe, expect, it } from 'vitest';
import { foldLine, icalLines, icalText } from '../../shared/syndication/icalendar-text.js';

describe('iCalendar TEXT values (RFC 5545 §3.3.11)', () => {
  it('escapes backslash, semicolon and comma, writes every line break as \\n and drops control characters', () => {
    expect(icalText('a\\b;c,d\r\ne\rf\ng\u0000h\u0007')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng' + 'h');
  });
});

describe('folding content lines (RFC 5545 §3.1)', () => {
  it('leaves a line of exactly 75 octets alone and folds one of 76', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('keeps every folded line within 75 octets, the leading space counted, and never splits a character', () => {
    const line = `SUMMARY:${'Законопроект № 1075342-8 😀 '.repeat(12)}`;

    const folded = foldLine(line).split('\r\n');

    expect(folded.map((part) => Buffer.byteLength(part) <= 75)).toEqual(folded.map(() => true));
    expect(folded.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(folded.map((part, index) => (index === 0 ? part : part.slice(1))).join('')).toBe(line);
    expect(folded.join('')).not.toContain('\uFFFD');
  });

  it('ends every line of a stream with CRLF', () => {
    expect(icalLines(['BEGIN:VCALENDAR', 'END:VCALENDAR'])).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
  });
});
