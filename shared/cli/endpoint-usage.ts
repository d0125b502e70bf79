/** `duma-alerts endpoint --help`, apart from endpoint-command.ts: `--help` loads none of the command's code. */
export const usage = `duma-alerts endpoint add --kind webhook|slack --url <url> --owner <email> [--bill <number> …] [--lang ru|en]
                      [--committee <name> …] [--initiator <name> …]
                      [--frequency instant|daily|weekly] [--time-zone <IANA zone>] [--week-ahead]
duma-alerts endpoint add --kind telegram --chat <@channel or chat id> --owner <email> [--bill …] [--committee …]
                      [--initiator …] [--lang …] [--frequency …] [--time-zone …] [--week-ahead]
duma-alerts endpoint list | test <id> | enable <id> | deliveries <id> [--limit N] | week-ahead <id> on|off
duma-alerts endpoint follow|unfollow <id> [--committee <name> …] [--initiator <name> …]
  add         registers a webhook or Slack incoming-webhook URL, or a Telegram chat the service's bot posts to,
              following the bills (each put on the watch list), and sends it a test event (a Telegram chat at once:
              one the bot cannot post to is refused); prints the endpoint id, a webhook's signing secret (shown
              only now) and the test event's id.
              --committee and --initiator follow a responsible committee or an initiator as its sozd passport
              names it: each new bill from it is sent once ("new bill from …", the webhook event bill.new) and
              followed from then on. Names match without regard to case, ё/е, spacing, quotes or initials' spaces.
              --frequency is for Slack and Telegram (a daily or weekly digest); webhooks get each change as it comes.
  list        every endpoint: kind, state (disabled, why and since when), frequency, URL, bills, committees and initiators
  test        sends the endpoint a test event (ping)
  enable      enables a disabled endpoint and replays what it missed
  deliveries  the endpoint's delivery log, newest first (--limit, default 20, at most 100)
  week-ahead  turns a Slack or Telegram endpoint's Monday post of its bills' planned events for the week on or off
              (08:00 in its --time-zone, Europe/Moscow by default; --week-ahead on add turns it on from the start)
  follow      adds committees and initiators to those the endpoint follows; unfollow takes them off (bills they
              brought stay followed); both print what it follows now
  An unknown endpoint id is bad input (exit 2).`;
