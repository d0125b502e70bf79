/** `duma-alerts subscribe --help`, apart from subscribe-command.ts: `--help` loads none of the command's code. */
export const usage = `duma-alerts subscribe --email <address> [--bill <number> …] [--committee <name> …] [--initiator <name> …] [--lang ru|en]
  Subscribes an address to the bills' changes (the same address is always the same subscriber), puts each bill on
  the watch list, and prints what it did. The subscriber is active at once, with no confirmation email: this is an
  operator's command (people signing up themselves get the double opt-in of the sign-up page).
  --bill       a bill to follow (repeatable)
  --committee  a responsible committee to follow, as sozd names it: each new bill it is given is alerted and
               followed (repeatable; added to those followed already, up to MAX_ORIGINS_PER_SUBSCRIBER)
  --initiator  an initiator to follow, as sozd names it (a deputy, the Government, a regional legislature): each
               new bill they introduce is alerted and followed (repeatable; added like --committee)
  --lang       the language of the alerts: ru or en (a new subscriber gets ru; an existing one keeps theirs unless given)
  At least one --bill, --committee or --initiator. Names are checked as the API checks them; see them all with
  curl <PUBLIC_BASE_URL>/api/origins.`;
