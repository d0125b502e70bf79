import { describe, expect, it } from 'vitest';
import { readFeedXml } from '../../shared/feeds/read-feed-xml.js';

/* The feed's structure as written, before parseFeed cleans it up (where markup and repairs no longer show). */

const FEED_URL = 'https://news.example/feed.xml';

describe('readFeedXml', () => {
  it('says what it forgave to read the XML: stray ampersands and control characters XML forbids, each counted', () => {
    // Arrange
    const forgiven = '<rss><channel><title>A & B & C\u0001</title></channel></rss>';
    const clean = '<rss><channel><title>A &amp; B</title></channel></rss>';

    // Act
    const repairs = [forgiven, clean].map((xml) => readFeedXml(xml, FEED_URL).repairs);

    // Assert
    expect(repairs).toEqual([["2 stray '&' read as text", '1 control characters XML forbids dropped'], []]);
  });

  it('links an Atom entry by its first alternate link with an address, a link without rel being alternate, against that link\'s base', () => {
    // Arrange: a self link, an alternate without an address, then the alternate (no rel) with its own xml:base.
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title>x</title>
      <link rel="self" href="https://news.example/self"/><link rel="alternate"/>
      <link xml:base="https://other.example/x/" href="a"/><link rel="alternate" href="b"/></entry></feed>`;

    // Act
    const [entry] = readFeedXml(atom, FEED_URL).items;

    // Assert
    expect([entry?.link, entry?.base]).toEqual(['a', 'https://other.example/x/']);
  });

  it('keeps XHTML text as the markup inside its wrapping div, and XHTML with no wrapping div whole', () => {
    // Arrange
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title type="xhtml">
        <div xmlns="http://www.w3.org/1999/xhtml">Один <b>два</b></div>
      </title><entry><title type="xhtml"><p>абзац</p></title></entry></feed>`;

    // Act
    const feed = readFeedXml(atom, FEED_URL);

    // Assert
    expect([feed.title?.html, feed.items[0]?.title?.html]).toEqual(['Один <b>два</b>', '<p>абзац</p>']);
  });
});
