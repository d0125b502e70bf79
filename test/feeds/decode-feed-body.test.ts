import { describe, expect, it } from 'vitest';
import { decodeFeedBody } from '../../shared/feeds/decode-feed-body.js';
import { encodeSingleByte } from './support/feed-builder.js';

/* How far each declaration of a feed body's charset is trusted, beyond the cases in feed-reading.test.ts. */

const xml = (encoding: string, quote = '"') => `<?xml version="1.0" encoding=${quote}${encoding}${quote}?><rss><channel><title>Лента</title></channel></rss>`;

describe('decodeFeedBody', () => {
  it('reads UTF-16 by its byte order mark, little- or big-endian, whatever the header says', () => {
    // Arrange
    const text = xml('utf-16');
    const littleEndian = Buffer.from(`\uFEFF${text}`, 'utf16le');
    const bigEndian = Buffer.from(`\uFEFF${text}`, 'utf16le').swap16();

    // Act + Assert
    expect(decodeFeedBody(littleEndian, 'text/xml; charset=utf-8')).toEqual({ text, clean: true });
    expect(decodeFeedBody(bigEndian, 'text/xml; charset=utf-8')).toEqual({ text, clean: true });
  });

  it('reads a body that starts with part of a byte order mark by its declarations', () => {
    // Arrange: "юла" in windows-1251 starts with 0xFE, the first byte of the UTF-16 big-endian mark.
    const body = encodeSingleByte('юла', 'windows-1251');

    // Act + Assert
    expect(decodeFeedBody(body, 'text/plain; charset=windows-1251')).toEqual({ text: 'юла', clean: true });
  });

  it('reads the header charset quoted, spaced, in any case, and followed by other parameters', () => {
    const body = encodeSingleByte(xml('utf-8'), 'koi8-r');

    expect(decodeFeedBody(body, 'Text/XML; Charset = "KOI8-R"; profile=x')).toEqual({ text: xml('utf-8'), clean: true });
    expect(decodeFeedBody(body, 'text/xml;charset=koi8-r;profile=x')).toEqual({ text: xml('utf-8'), clean: true });
  });

  it('reads the XML declaration in single quotes, spaced around its equals sign, and after leading white space', () => {
    const declared = `\n  ${xml('koi8-r', "'").replace('encoding=', 'encoding = ')}`;

    expect(decodeFeedBody(encodeSingleByte(declared, 'koi8-r'), undefined)).toEqual({ text: declared, clean: true });
  });

  it('reads a body that looks like it starts with a byte order mark but does not decode by it by its declarations, and warns', () => {
    // Arrange: "яю" in windows-1251 is 0xFF 0xFE, the UTF-16 little-endian mark; three bytes are no UTF-16.
    const body = encodeSingleByte('яюя', 'windows-1251');

    // Act + Assert
    expect(decodeFeedBody(body, 'text/plain; charset=windows-1251')).toEqual({
      text: 'яюя',
      clean: true,
      warning: 'the byte order mark says utf-16le, but the body is not utf-16le: read as windows-1251, as the Content-Type header says',
    });
  });

  it('reads an encoding only from an XML declaration at the start of the body, within its first kilobyte', () => {
    // Arrange: windows-1251 bytes, named only where no declaration stands.
    const inComment = `<rss><!-- <?xml version="1.0" encoding="windows-1251"?> --><channel><title>Лента</title></channel></rss>`;
    const late = `${' '.repeat(1024)}${xml('windows-1251')}`;

    // Act
    const decoded = [inComment, late].map((text) => decodeFeedBody(encodeSingleByte(text, 'windows-1251'), undefined));

    // Assert: read as the XML default, UTF-8, which these bytes are not.
    expect(decoded.map(({ clean, warning }) => [clean, warning])).toEqual([
      [false, 'the body is not valid utf-8: characters that cannot be read were lost'],
      [false, 'the body is not valid utf-8: characters that cannot be read were lost'],
    ]);
  });

  it('skips a header charset the platform does not know, without a warning', () => {
    const body = encodeSingleByte(xml('windows-1251'), 'windows-1251');

    expect(decodeFeedBody(body, 'text/xml; charset=x-unknown')).toEqual({ text: xml('windows-1251'), clean: true });
  });

  it('names a declared charset without the white space around it in its warning', () => {
    const body = encodeSingleByte(xml(' windows-1251 '), 'windows-1251');

    expect(decodeFeedBody(body, 'text/xml; charset=utf-8').warning).toBe(
      'the Content-Type header says utf-8, but the body is not utf-8: read as windows-1251, as the XML declaration says',
    );
  });

  it('names each charset that failed once, in the order of trust, when nothing decodes cleanly', () => {
    // Arrange: UTF-8 with one byte that no UTF-8 text holds, an odd length for UTF-16.
    const body = Buffer.concat([Buffer.from(xml('UTF-16LE')), Buffer.from([0xff])]);
    const sameTwice = Buffer.concat([Buffer.from(xml('UTF-8')), Buffer.from([0xff])]);

    // Act
    const warnings = [decodeFeedBody(body, 'text/xml; charset=utf-8'), decodeFeedBody(sameTwice, 'text/xml; charset=utf-8')].map(
      (decoded) => decoded.warning,
    );

    // Assert
    expect(warnings).toEqual([
      'the body is not valid utf-8 nor utf-16le: characters that cannot be read were lost',
      'the body is not valid utf-8: characters that cannot be read were lost',
    ]);
  });
});
