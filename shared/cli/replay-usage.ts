/** `duma-alerts replay --help`, apart from replay-command.ts: `--help` loads none of the command's code. */
export const usage = `duma-alerts replay <page.html|number|url> [--lang en|ru] [--json]
  Previews the alerts a subscriber would get if the bill's history arrived one event at a time, from its first
  event on: the real diff and the real email renderer, no stack needed. One block per alert: its subject, then its
  text body. A bill number is fetched from SOZD_BASE_URL like inspect does.
  --lang   the subscriber's language (default ru)
  --json   one JSON object per line and alert: changeId, eventId, eventNumber, date, stageFrom, stageTo (stage ids,
           null when the alert is no stage change), facts, subject, text`;
