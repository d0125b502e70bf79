import type { BillChange } from '../bill/bill-change.js';
import type { Language } from '../bill/stages.js';
import { orderDigestEntries } from '../digests/digest-entries.js';
import type { Alert } from '../topics/alert.js';
import { buildSlackAlertMessage } from './slack-alert.js';
import { buildSlackBillMessage, type SlackBlock, type SlackMessage } from './slack-message.js';
import { SLACK_LIMITS } from './slack-text.js';

const WORDS: Record<Language, { title(changes: number, alerts: number): string; more(count: number): string }> = {
  en: {
    title: (changes, alerts) => `duma-alerts digest: ${changes} change(s)${alerts > 0 ? `, ${alerts} alert(s)` : ''}`,
    more: (count) => `…and ${count} more change(s): see the bills on sozd.duma.gov.ru`,
  },
  ru: {
    title: (changes, alerts) => `Дайджест duma-alerts: изменений — ${changes}${alerts > 0 ? `, уведомлений — ${alerts}` : ''}`,
    more: (count) => `…и ещё изменений: ${count}, см. законопроекты на sozd.duma.gov.ru`,
  },
};

/**
 * One Slack message for a digest: a title, then each change and alert as its own message would show it, a bill's news
 * under its changes and topic matches last. Slack takes at most 50 blocks, so entries that do not fit whole are
 * counted in a closing line rather than cut in half.
 * @throws RangeError for an empty digest
 */
export function buildSlackDigestMessage(changes: readonly BillChange[], language: Language, alerts: readonly Alert[] = []): SlackMessage {
  if (changes.length === 0 && alerts.length === 0) throw new RangeError('a digest needs at least one change');
  const words = WORDS[language];
  const title = words.title(changes.length, alerts.length);
  const blocks: SlackBlock[] = [{ type: 'header', text: { type: 'plain_text', text: title } }];
  const entries = orderDigestEntries(changes, alerts);
  const reserved = 1; // room for the "and N more" line
  let shown = 0;
  for (const entry of entries) {
    const entryBlocks = (entry.kind === 'change' ? buildSlackBillMessage(entry.change, language) : buildSlackAlertMessage(entry.alert, language)).blocks;
    if (blocks.length + entryBlocks.length + reserved > SLACK_LIMITS.blocks) break;
    blocks.push(...entryBlocks);
    shown++;
  }
  if (shown < entries.length) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: words.more(entries.length - shown) }] });
  return { text: title, blocks };
}
