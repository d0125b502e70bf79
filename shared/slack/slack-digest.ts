import type { BillChange } from '../bill/bill-change.js';
import type { Language } from '../bill/stages.js';
import { buildSlackBillMessage, type SlackBlock, type SlackMessage } from './slack-message.js';
import { SLACK_LIMITS } from './slack-text.js';

const WORDS: Record<Language, { title(count: number): string; more(count: number): string }> = {
  en: { title: (count) => `duma-alerts digest: ${count} change(s)`, more: (count) => `…and ${count} more change(s): see the bills on sozd.duma.gov.ru` },
  ru: { title: (count) => `Дайджест duma-alerts: изменений — ${count}`, more: (count) => `…и ещё изменений: ${count}, см. законопроекты на sozd.duma.gov.ru` },
};

/**
 * One Slack message for a digest: a title, then each change as its own alert would show it. Slack takes at most 50
 * blocks, so changes that do not fit whole are counted in a closing line rather than cut in half.
 * @throws RangeError for an empty list
 */
export function buildSlackDigestMessage(changes: readonly BillChange[], language: Language): SlackMessage {
  if (changes.length === 0) throw new RangeError('a digest needs at least one change');
  const words = WORDS[language];
  const blocks: SlackBlock[] = [{ type: 'header', text: { type: 'plain_text', text: words.title(changes.length) } }];
  const reserved = 1; // room for the "and N more" line
  let shown = 0;
  for (const change of changes) {
    const changeBlocks = buildSlackBillMessage(change, language).blocks;
    if (blocks.length + changeBlocks.length + reserved > SLACK_LIMITS.blocks) break;
    blocks.push(...changeBlocks);
    shown++;
  }
  if (shown < changes.length) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: words.more(changes.length - shown) }] });
  return { text: words.title(changes.length), blocks };
}
