/** `duma-alerts mentions --help`, apart from mentions-command.ts: `--help` loads none of the command's code. */
export const usage = `duma-alerts mentions --text "<text>"
duma-alerts mentions --cases FILE.jsonl
  Prints, as JSON, the bill numbers a news text mentions, as "in the news" alerts find them.
  --cases  one case a line, {"id","text"}; prints one JSON line per case, {"id","bills":[…]}
  No local stack is needed.`;
