import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../shared/cli/main.js';
import { captureIo } from './capture-io.js';

describe('duma-alerts bad input', () => {
  beforeEach(() => {
    // No local stack file may leak into these runs: bad input must fail before anything is contacted.
    process.env.DUMA_ALERTS_ENV_FILE = '/nonexistent/local-env.json';
  });

  const cases: [string, string[], string][] = [
    ['a bill number without its convocation', ['watch', '1075342'], 'duma-alerts: invalid bill number "1075342": a bill number looks like 1075342-8\n'],
    ['a bill number with letters', ['unwatch', '10753x-8'], 'duma-alerts: invalid bill number "10753x-8": a bill number looks like 1075342-8\n'],
    ['a bad --bill in subscribe', ['subscribe', '--email', 'a@example.org', '--bill', '1-8', '--bill', 'x'], 'duma-alerts: invalid bill number "x": a bill number looks like 1075342-8\n'],
    ['an address without a domain', ['subscribe', '--email', 'reader@', '--bill', '1075342-8'], 'duma-alerts: invalid email address "reader@": not an email address\n'],
    ['an unknown language', ['subscribe', '--email', 'a@example.org', '--bill', '1075342-8', '--lang', 'de'], 'duma-alerts: invalid language "de": expected ru or en\n'],
    ['subscribe with nothing to follow', ['subscribe', '--email', 'a@example.org', '--lang', 'en'], 'duma-alerts: subscribe: at least one --bill <number>, --committee <name> or --initiator <name> is required\n'],
    ['a one-letter committee', ['subscribe', '--email', 'a@example.org', '--committee', ' Я '], 'duma-alerts: invalid committee " Я ": a name has at least 2 characters\n'],
    ['subscribe without --email', ['subscribe', '--bill', '1075342-8'], 'duma-alerts: subscribe: --email <address> is required\n'],
    ['an unknown command', ['frobnicate'], 'duma-alerts: unknown command "frobnicate" (see duma-alerts --help)\n'],
    ['an unknown flag', ['status', '--verbose'], "duma-alerts: status: unknown option '--verbose'\n"],
    ['a missing argument', ['watch'], 'duma-alerts: watch: expected <number>, got 0 argument(s)\n'],
    ['an inspect target that is a folder', ['inspect', 'test'], 'duma-alerts: inspect: "test" is a folder: name a saved bill page (an .html file) in it\n'],
    ['an inspect target that is nothing', ['inspect', 'no-such-page.html'], 'duma-alerts: inspect: "no-such-page.html" is not a bill number like 1075342-8, an http(s) URL or an existing file\n'],
    ['a replay target that is nothing', ['replay', 'no-such-page.html'], 'duma-alerts: replay: "no-such-page.html" is not a bill number like 1075342-8, an http(s) URL or an existing file\n'],
    ['a replay language that is none', ['replay', '1075342-8', '--lang', 'de'], 'duma-alerts: invalid language "de": expected ru or en\n'],
    ['a replay without a page', ['replay'], 'duma-alerts: replay: expected <page.html|number|url>, got 0 argument(s)\n'],
  ];

  it.each(cases)('rejects %s with exit code 2 and one line on stderr', async (_name, args, message) => {
    const io = captureIo();

    const code = await runCli(args, io);

    expect({ code, stderr: io.err(), stdout: io.out() }).toEqual({ code: 2, stderr: message, stdout: '' });
  });

  it('prints its version with --version, exit code 0', async () => {
    const io = captureIo();

    const code = await runCli(['--version'], io);

    expect({ code, out: io.out(), err: io.err() }).toEqual({ code: 0, out: 'duma-alerts 0.1.0\n', err: '' });
  });

  it('prints the overview with --help and a command usage with <command> --help, exit code 0', async () => {
    const overview = captureIo();
    const watchHelp = captureIo();

    const codes = [await runCli(['--help'], overview), await runCli(['watch', '--help'], watchHelp)];

    expect(codes).toEqual([0, 0]);
    for (const command of ['inspect', 'replay', 'watch', 'unwatch', 'subscribe', 'poll', 'status']) {
      expect(overview.out()).toMatch(new RegExp(`^duma-alerts ${command}( |$)`, 'm'));
    }
    expect(watchHelp.out().split('\n')[0]).toBe('duma-alerts watch <number>');
    expect(overview.err() + watchHelp.err()).toBe('');
  });
});
