import { describe, expect, it } from 'vitest';
import { parseTopicQuery } from '../../shared/topics/parse-topic-query.js';
import { topicKey, topicKeyOfText } from '../../shared/topics/topic-key.js';

const key = (text: string) => topicKey(parseTopicQuery(text));

describe('topicKey', () => {
  it.each([
    ['Экстрадиция', 'экстрадиции'],
    ['ёлка', 'елки'],
    ['налоги сборы', 'сборы AND налоги'],
    ['x OR (y z)', '(z AND y) OR x'],
    ['"военная служба"', '«Военной службы»'],
  ])('%s and %s mean the same, so they share a key', (first, second) => {
    expect(key(first)).toBe(key(second));
  });

  it.each([
    ['налоги OR сборы', 'налоги сборы'],
    ['налоги NOT сборы', 'сборы NOT налоги'],
    ['"военная служба"', 'военная служба'],
    ['bill', 'law'],
  ])('%s and %s mean different things, so their keys differ', (first, second) => {
    expect(key(first)).not.toBe(key(second));
  });

  it('keys a query text, and gives undefined for a text that does not parse', () => {
    expect(topicKeyOfText('Экстрадиция')).toBe(key('экстрадиции'));
    expect(topicKeyOfText('"unclosed')).toBeUndefined();
    expect(topicKeyOfText('NOT alone')).toBeUndefined();
  });
});
