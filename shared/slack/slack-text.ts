/** Slack's documented limits for the block elements duma-alerts sends. */
export const SLACK_LIMITS = {
  sectionText: 3000,
  headerText: 150,
  contextText: 3000,
  blocks: 50,
  /** A button's `url`; a longer one makes Slack refuse the whole message. */
  buttonUrl: 3000,
  /** Slack truncates the top-level `text` at 40 000; notifications show far less, so it is kept short. */
  fallbackText: 3000,
} as const;

/**
 * Escapes the three characters Slack's mrkdwn treats as control (`&`, `<`, `>`), so a bill title like
 * `<!channel>` or `<https://evil|click>` is shown as text instead of pinging a channel or forging a link.
 */
export function escapeSlackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Cuts text to at most `max` UTF-16 units (what Slack counts), ending with "…", without splitting a surrogate pair
 * or leaving half an `&amp;` entity behind.
 */
export function cutSlackText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.replace(/&[a-z]{0,3}$/, '')}…`;
}
