import { describe, expect, it } from 'vitest';
import { byteString, parseRegion, queryAll, queryEach } from '../../shared/sozd/page-dom.js';

const ids = (elements: readonly { attribs: Record<string, string> }[]) => elements.map((element) => element.attribs['id']);

describe('queryEach', () => {
  it('finds, for each selector, what queryAll finds under the root: document order, the root itself and <template> contents left out', () => {
    // Arrange: matches nested in matches, text and comments between them, a <template>, and a match outside the root.
    const html =
      '<div id="outside" class="a"></div>' +
      '<div id="root" class="a"><span id="s1" class="a b">one<!-- note --><span id="s2" class="b"><a id="l1" href="/x">x</a></span></span>' +
      '<template><span id="hidden" class="a b"></span></template><ul><li id="i1">Решение</li><li id="i2" class="b"></li></ul></div>';
    const doc = parseRegion(byteString(Buffer.from(html, 'utf8')), 'test');
    const root = queryAll('#root', doc)[0]!;
    const selectors = ['.a', '.b', 'a[href]', 'ul > li', '.missing'] as const;

    // Act
    const found = queryEach(selectors, root);

    // Assert
    expect(found.map(ids)).toEqual([['s1'], ['s1', 's2', 'i2'], ['l1'], ['i1', 'i2'], []]);
    expect(found.map(ids)).toEqual(selectors.map((selector) => ids(queryAll(selector, root))));
  });
});
