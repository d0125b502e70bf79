import { Tokenizer } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { attribute, byteChunks, hasClass, normalizedText, numberedClass, parseRegion, queryAll, queryEach, queryOne, sozdUrl } from '../../shared/sozd/page-dom.js';
import { BillPageError } from '../../shared/sozd/bill-page-error.js';

/** The page's markup as sozd sends it (UTF-8 bytes), parsed. */
const parsed = (html: string) => parseRegion(Buffer.from(html, 'utf8'), 'test');
const first = (selector: string, html: string) => queryOne(selector, parsed(html))!;

const ids = (elements: readonly { attribs: Record<string, string> }[]) => elements.map((element) => element.attribs['id']);

describe('queryEach', () => {
  it('finds, for each selector, what queryAll finds under the root: document order, the root itself and <template> contents left out', () => {
    // Arrange: matches nested in matches, text and comments between them, a <template>, and a match outside the root.
    const html =
      '<div id="outside" class="a"></div>' +
      '<div id="root" class="a"><span id="s1" class="a b">one<!-- note --><span id="s2" class="b"><a id="l1" href="/x">x</a></span></span>' +
      '<template><span id="hidden" class="a b"></span></template><ul><li id="i1">Решение</li><li id="i2" class="b"></li></ul></div>';
    const doc = parseRegion(Buffer.from(html, 'utf8'), 'test');
    const root = queryAll('#root', doc)[0]!;
    const selectors = ['.a', '.b', 'a[href]', 'ul > li', '.missing'] as const;

    // Act
    const found = queryEach(selectors, root);

    // Assert
    expect(found.map(ids)).toEqual([['s1'], ['s1', 's2', 'i2'], ['l1'], ['i1', 'i2'], []]);
    expect(found.map(ids)).toEqual(selectors.map((selector) => ids(queryAll(selector, root))));
  });
});

describe('queryOne', () => {
  it('finds the first match under the root in document order: an outer match before one nested in it, none in a <template>', () => {
    // Arrange
    const html =
      '<div id="root" class="a"><template><b id="t" class="t"></b></template>' +
      '<span id="s1" class="a"><span id="s2" class="a"></span></span><span id="s3" class="a"></span></div>';
    const root = first('#root', html);

    // Act
    const found = [queryOne('.a', root), queryOne('.t', root), queryOne('#root', root)].map((element) => element?.attribs['id'] ?? null);

    // Assert
    expect(found).toEqual(['s1', null, null]);
  });
});

describe('normalizedText', () => {
  it('reads the text of nested elements and of what follows them, in document order', () => {
    // Arrange
    const paragraph = first('p', '<p>Проект <b>закона <i>№ 1</i> принят</b> в первом <span>чтении</span></p>');

    // Act
    const text = normalizedText(paragraph);

    // Assert
    expect(text).toBe('Проект закона № 1 принят в первом чтении');
  });

  it('reads the markup-like text of a <title> as written, its character references decoded', () => {
    // Arrange: a <title> holds text only, so `<b>` in it is four characters, not an element.
    const title = first('title', '<title>R&amp;D <b>bold</b> &lt;i&gt;</title>');

    // Act
    const text = normalizedText(title);

    // Assert
    expect(text).toBe('R&D <b>bold</b> <i>');
  });

  it('reads markup-like text without references as written', () => {
    // Arrange
    const textarea = first('textarea', '<textarea>a <b>b</b> c</textarea>');

    // Act
    const text = normalizedText(textarea);

    // Assert
    expect(text).toBe('a <b>b</b> c');
  });
});

describe('attribute', () => {
  it('keeps the double quotes of a single-quoted value beside a decoded reference', () => {
    // Arrange
    const link = first('a', `<a title='Комитет "Труд &amp; отдых"'>x</a>`);

    // Act
    const title = attribute(link, 'title');

    // Assert
    expect(title).toBe('Комитет "Труд & отдых"');
  });
});

describe('byteChunks', () => {
  it('cuts a region into pieces of at most 32 KB, each after the first starting at a `<`, that join to the whole', () => {
    // Arrange: 3,000 elements of 24 bytes (72,000), so the 32 KB marks fall inside elements.
    const bytes = Buffer.from('<b class="x">ёжик</b>\n'.repeat(3_000), 'utf8');

    // Act
    const chunks = byteChunks(bytes);

    // Assert
    expect(chunks.join('') === bytes.toString('latin1')).toBe(true);
    expect(chunks.map((chunk) => [chunk.length <= 32 * 1024, chunk.startsWith('<')])).toEqual(chunks.map(() => [true, true]));
    expect(chunks.length).toBe(3);
  });

  it('keeps a region of exactly 32 KB whole, and cuts one a byte longer', () => {
    // Arrange
    const element = '<b>ёжик!</b>'; // 16 bytes
    const exact = Buffer.from(element.repeat(2_048), 'utf8');
    const longer = Buffer.concat([exact, Buffer.from(' ')]);

    // Act
    const chunks = [byteChunks(exact), byteChunks(longer)].map((pieces) => pieces.map((piece) => piece.length));

    // Assert
    expect(chunks).toEqual([[32_768], [32_764, 5]]);
  });

  it('keeps a stretch longer than 32 KB without a `<` whole, cutting at the `<` after it', () => {
    // Arrange
    const text = 'a'.repeat(40_000);
    const bytes = Buffer.from(`<p>${text}<br>${text}`, 'utf8');

    // Act
    const chunks = byteChunks(bytes);

    // Assert: compared as lengths and a join, so that a failure prints figures rather than 80,000 characters.
    expect(chunks.map((chunk) => chunk.length)).toEqual([40_003, 40_004]);
    expect(chunks.join('') === bytes.toString('latin1')).toBe(true);
  });
});

describe('parseRegion', () => {
  it('skips through attribute values, comments, scripts and text holding `<` and `>` to where each ends', () => {
    // Arrange
    const html = `<div id="a" title='1 > 0 "x"' data-x="<p>"><!-- a <b> c --><script>if (a < b) x();</script>t<textarea>u <i>v</i></textarea></div>`;

    // Act
    const div = first('#a', html);

    // Assert
    expect([attribute(div, 'title'), attribute(div, 'data-x'), normalizedText(div)]).toEqual(['1 > 0 "x"', '<p>', 'if (a < b) x();tu <i>v</i>']);
    expect(div.children.map((child) => child.type)).toEqual(['comment', 'script', 'text', 'tag']);
  });

  it('finds in htmlparser2\'s tokenizer the fastForwardTo that page-dom replaces with a native search', () => {
    // Act
    const skip = Object.getOwnPropertyDescriptor(Tokenizer.prototype, 'fastForwardTo')?.value;

    // Assert: a new htmlparser2 that renamed it would parse correctly but lose the speed, silently.
    expect(skip).toBeInstanceOf(Function);
  });

  it('reads a region longer than a chunk as one: an attribute value and a text cut at a `<` inside them', () => {
    // Arrange: the last `<` before the first 32 KB mark is inside the title, and before the second inside the textarea.
    const html = `<div id="a">${'я'.repeat(16_370)}<span title="x < y">${'б'.repeat(20)}</span><textarea>${'в'.repeat(16_380)} a < b</textarea></div>`;
    const bytes = Buffer.from(html, 'utf8');

    // Act
    const cuts = byteChunks(bytes).map((chunk) => chunk.slice(0, 3));
    const doc = parseRegion(bytes, 'test');

    // Assert
    expect(cuts).toEqual(['<di', '< y', '<te', '< b']);
    expect(attribute(queryOne('span', doc)!, 'title')).toBe('x < y');
    expect(normalizedText(queryOne('textarea', doc)) === `${'в'.repeat(16_380)} a < b`).toBe(true);
  });

  // The limit counts the elements open above a node: text under 100 nested elements is one level too deep.
  const nested = (depth: number) => '<i>'.repeat(depth) + 'x' + '</i>'.repeat(depth);

  it('reads markup nested exactly as deep as the limit allows', () => {
    // Arrange
    const html = nested(99);

    // Act
    const text = normalizedText(parsed(html));

    // Assert
    expect(text).toBe('x');
  });

  it('refuses markup nested one level deeper than the limit as a changed layout', () => {
    // Arrange
    const html = nested(100);

    // Act
    const parse = () => parsed(html);

    // Assert
    expect(parse).toThrow(BillPageError);
    expect(parse).toThrow('the test nests elements deeper than 100 levels');
  });
});

describe('class helpers', () => {
  it('name each class of a class attribute separated by several spaces, tabs or newlines', () => {
    // Arrange
    const element = first('div', '<div class="  bh_etap\t\tbhi12 \n active ">x</div>');

    // Act
    const found = { stage: hasClass(element, 'bh_etap'), active: hasClass(element, 'active'), blank: hasClass(element, ''), number: numberedClass(element, 'bhi') };

    // Assert
    expect(found).toEqual({ stage: true, active: true, blank: false, number: 12 });
  });

  it('do not read a class as a longer or shorter one', () => {
    // Arrange
    const element = first('div', '<div class="active_tab bhi">x</div>');

    // Act
    const found = { active: hasClass(element, 'active'), activeTab: hasClass(element, 'active_tab'), number: numberedClass(element, 'bhi') };

    // Assert
    expect(found).toEqual({ active: false, activeTab: true, number: undefined });
  });

  it('find no class on an element without a class attribute', () => {
    // Arrange
    const element = first('div', '<div id="plain">x</div>');

    // Act
    const found = { any: hasClass(element, 'active'), blank: hasClass(element, ''), number: numberedClass(element, 'bhi') };

    // Assert
    expect(found).toEqual({ any: false, blank: false, number: undefined });
  });

  it('read a number only from a class that is the prefix followed by digits alone: stage12x and stagex12 are not stage 12', () => {
    // Arrange
    const element = first('div', '<div class="stage12x stagex12 stage-3 stage7 stage8">x</div>');

    // Act
    const number = numberedClass(element, 'stage');

    // Assert
    expect(number).toBe(7);
  });
});

describe('sozdUrl', () => {
  it('resolves a relative href against sozd, and an absolute one as it is', () => {
    // Act
    const urls = ['/bill/1-8', 'download/a.pdf', 'http://pravo.gov.ru/x?y=1'].map((href) => sozdUrl(href)?.href);

    // Assert
    expect(urls).toEqual(['https://sozd.duma.gov.ru/bill/1-8', 'https://sozd.duma.gov.ru/download/a.pdf', 'http://pravo.gov.ru/x?y=1']);
  });

  it('resolves an href padded with spaces and non-breaking spaces to the link without them', () => {
    // Arrange: &nbsp; in an href attribute decodes to U+00A0, which the URL parser would keep as %C2%A0.
    const link = first('a', '<a href="&nbsp; /bill/1-8 &nbsp;">x</a>');

    // Act
    const url = sozdUrl(attribute(link, 'href'))?.href;

    // Assert
    expect(url).toBe('https://sozd.duma.gov.ru/bill/1-8');
  });

  it('gives no link for a missing or empty href, or one that is not a URL', () => {
    // Act
    const urls = [undefined, '', 'http://[sozd', 'https://'].map(sozdUrl);

    // Assert
    expect(urls).toEqual([undefined, undefined, undefined, undefined]);
  });
});
