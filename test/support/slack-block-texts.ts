import type { SlackBlock } from '../../shared/slack/slack-message.js';

/** Every text a Slack block shows a reader, in block order: what tests measure and search. */
export function slackBlockTexts(block: SlackBlock): string[] {
  switch (block.type) {
    case 'header':
    case 'section':
      return [block.text.text];
    case 'context':
      return block.elements.map((element) => element.text);
    case 'actions':
      return block.elements.map((element) => element.text.text);
  }
}
