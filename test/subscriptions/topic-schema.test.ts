import { describe, expect, it } from 'vitest';
import { TopicSchema } from '../../shared/subscriptions/topic-schema.js';

describe('TopicSchema: one normalised line of text', () => {
  it('turns line breaks, tabs and control characters into one space, drops bidirectional controls, and composes to NFC', () => {
    const given = ['налог\nAND НДС', 'реклама\r\n\tOR казино', 'бюджет\u0000 2026', '\u202Eказино\u202C', 'e\u0301lan', '  пенсии\u2028реформа  '];

    expect(given.map((topic) => TopicSchema.parse(topic))).toEqual([
      'налог AND НДС',
      'реклама OR казино',
      'бюджет 2026',
      'казино',
      'élan',
      'пенсии реформа',
    ]);
  });

  it('refuses an unpaired surrogate and a topic that is only control characters', () => {
    const messages = ['нало\uD800г', '\uDC00', '\u202E\n\t'].map((topic) => TopicSchema.safeParse(topic).error?.issues.map((issue) => issue.message));

    expect(messages).toEqual([
      ['a topic must be text (it holds an unpaired surrogate)'],
      ['a topic must be text (it holds an unpaired surrogate)'],
      ['a topic cannot be empty'],
    ]);
  });
});
