import { describe, expect, it } from 'vitest';
import { xmlText } from '../../shared/syndication/xml-text.js';

describe('text for XML', () => {
  it('escapes the five markup characters', () => {
    expect(xmlText(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });

  it('drops characters no XML 1.0 document may hold, and keeps tab, line breaks, Cyrillic and paired surrogates', () => {
    expect(xmlText('a\u0000b\u000Bc\u001Fd\uFFFEe\uD800f\uDC00g')).toBe('abcdefg');
    expect(xmlText('\t\n\rЗакон 😀')).toBe('\t\n\rЗакон 😀');
  });
});
