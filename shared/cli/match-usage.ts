/** `duma-alerts match --help`, apart from match-command.ts: `--help` loads none of the command's code. */
export const usage = `duma-alerts match --topic "<query>" --text "<headline>" [--summary "<text>"] [--json]
duma-alerts match --cases FILE.jsonl
  Tries a topic on a headline exactly as alerts match news, and says why: which words were found where, which
  terms were found nowhere. Exit 0 whether it matches or not, 2 when the query is refused (the message says why).
  --cases  one case a line, {"id","query","text","summary"?}; prints one JSON line per case,
           {"id","match":true|false|null,"why","missing","error"} (match null and an error for a refused query)
  No local stack is needed.`;
