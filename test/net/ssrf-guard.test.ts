import { describe, expect, it } from 'vitest';
import { BlockedAddressError, checkOutboundUrl, isPublicAddress, normaliseAllowedHost } from '../../shared/net/ssrf-guard.js';

describe('isPublicAddress', () => {
  it('refuses every special-purpose IPv4 range, at both ends of the range', () => {
    const nonPublic = [
      '0.0.0.0', '0.255.255.255', '10.0.0.0', '10.255.255.255', '100.64.0.0', '100.127.255.255', '127.0.0.1',
      '127.255.255.255', '169.254.169.254', '172.16.0.0', '172.31.255.255', '192.0.0.8', '192.0.2.1', '192.88.99.1',
      '192.168.0.1', '198.18.0.1', '198.19.255.255', '198.51.100.7', '203.0.113.9', '224.0.0.1', '239.255.255.255',
      '240.0.0.1', '255.255.255.255',
    ];
    expect(nonPublic.filter(isPublicAddress)).toEqual([]);
  });

  it('refuses non-public IPv6, and IPv4-mapped addresses whose embedded IPv4 is non-public', () => {
    const nonPublic = [
      '::', '::1', 'fc00::1', 'fd12:3456::1', 'fe80::1', 'fe80::1%eth0', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1',
      '::ffff:a9fe:a9fe', '0:0:0:0:0:ffff:10.0.0.1', '64:ff9b::7f00:1', '::127.0.0.1', '2001:db8::1', '2001::1',
      '2002:7f00:1::', '3fff::1',
    ];
    expect(nonPublic.filter(isPublicAddress)).toEqual([]);
  });

  it('accepts public addresses next to the refused ranges, including a mapped public IPv4', () => {
    const publicAddresses = [
      '1.1.1.1', '9.255.255.255', '11.0.0.0', '100.63.255.255', '100.128.0.0', '172.15.255.255', '172.32.0.0',
      '192.167.255.255', '198.17.255.255', '223.255.255.255', '93.184.216.34', '2606:4700:4700::1111',
      '2a00:1450:4001::200e', '::ffff:8.8.8.8',
    ];
    expect(publicAddresses.filter((address) => !isPublicAddress(address))).toEqual([]);
  });

  it('refuses the SRv6 SID range 5f00::/16, which lies outside global unicast 2000::/3', () => {
    expect(['5f00::1', '5f00:ffff::1', '5fff::1'].map(isPublicAddress)).toEqual([false, false, false]);
  });

  it('treats anything that is not an IP literal as not public, even a public mapped address with a stray newline', () => {
    // The URL parser drops newlines, so the newline case reaches the IPv4-mapped reading unless refused first.
    const notLiterals = ['localhost', '', '1.2.3', 'not an address', '::ffff:8.8.8.8\n', '[2606:4700::1111]'];
    expect(notLiterals.map(isPublicAddress)).toEqual(notLiterals.map(() => false));
  });

  it('treats a global IPv6 address with a zone id as not public: the zone scopes it to an interface of this machine', () => {
    expect(['2606:4700::1111', '2606:4700::1111%eth0'].map(isPublicAddress)).toEqual([true, false]);
  });
});

describe('checkOutboundUrl', () => {
  // Written as normaliseAllowedHost writes it, not computed by it: its faults belong to its own tests below.
  const allowed: ReadonlySet<string> = new Set(['localhost:4010']);

  it('accepts an https URL on a hostname and leaves the address check to connect time', () => {
    const verdict = checkOutboundUrl('https://hooks.example.org/in/abc?x=1', allowed);
    expect({ href: verdict.url.href, operatorAllowed: verdict.operatorAllowed, hostname: verdict.hostname }).toEqual({
      href: 'https://hooks.example.org/in/abc?x=1',
      operatorAllowed: false,
      hostname: 'hooks.example.org',
    });
  });

  it('lets http through only for the exact allow-listed host:port', () => {
    expect(checkOutboundUrl('http://localhost:4010/hook', allowed).operatorAllowed).toBe(true);
    expect(() => checkOutboundUrl('http://localhost:4011/hook', allowed)).toThrow(
      new BlockedAddressError('http://localhost:4011', 'http: is not allowed, only https:'),
    );
  });

  it('accepts https to a public IP literal and reports the address without brackets', () => {
    const verdicts = ['https://93.184.216.34/hook', 'https://[2606:4700::1111]/hook'].map((url) => checkOutboundUrl(url, allowed));
    expect(verdicts.map(({ hostname, operatorAllowed }) => ({ hostname, operatorAllowed }))).toEqual([
      { hostname: '93.184.216.34', operatorAllowed: false },
      { hostname: '2606:4700::1111', operatorAllowed: false },
    ]);
  });

  it('throws an error named BlockedAddressError, the name the delivery log records', () => {
    expect(() => checkOutboundUrl('http://hooks.example.org/', allowed)).toThrow(expect.objectContaining({ name: 'BlockedAddressError' }));
  });

  it('names the canonical address when an obfuscated literal is refused', () => {
    expect(() => checkOutboundUrl('https://0x7f.1/', allowed)).toThrow('blocked 127.0.0.1: 127.0.0.1 is not a public address');
    expect(() => checkOutboundUrl('https://[::ffff:127.0.0.1]/', allowed)).toThrow(
      'blocked [::ffff:7f00:1]: ::ffff:7f00:1 is not a public address',
    );
  });

  it('refuses credentials without repeating them in the error', () => {
    expect(() => checkOutboundUrl('https://user:hunter2@hooks.example.org/', allowed)).toThrow(
      'blocked https://hooks.example.org: credentials in the URL',
    );
  });

  it('refuses a string that is not a URL with a clear reason', () => {
    expect(() => checkOutboundUrl('not a url', allowed)).toThrow('blocked not a url: not a valid URL');
  });

  it('refuses a username alone and a password alone, as it does both', () => {
    expect(() => checkOutboundUrl('https://user@hooks.example.org/', allowed)).toThrow('blocked https://hooks.example.org: credentials in the URL');
    expect(() => checkOutboundUrl('https://:hunter2@hooks.example.org/', allowed)).toThrow('blocked https://hooks.example.org: credentials in the URL');
  });

  it('compares a URL without a port under its scheme default port: a host:80 entry never admits https on 443, and back', () => {
    // Arrange
    const port80 = new Set(['localhost:80']);
    const port443 = new Set(['localhost:443']);

    // Act + Assert
    expect(checkOutboundUrl('http://localhost/hook', port80).operatorAllowed).toBe(true);
    expect(() => checkOutboundUrl('https://localhost/hook', port80)).toThrow('blocked localhost: localhost names always resolve to this machine');
    expect(checkOutboundUrl('https://localhost/hook', port443).operatorAllowed).toBe(true);
    expect(() => checkOutboundUrl('http://localhost/hook', port443)).toThrow('blocked http://localhost: http: is not allowed, only https:');
  });

  it('admits https to an allow-listed host:port, and no scheme but http and https', () => {
    expect(checkOutboundUrl('https://localhost:4010/hook', allowed).operatorAllowed).toBe(true);
    for (const url of ['ftp://localhost:4010/', 'ws://localhost:4010/', 'gopher://localhost:4010/']) {
      expect(() => checkOutboundUrl(url, allowed), url).toThrow(/ is not allowed, only https:$/);
    }
  });

  it('refuses names that resolve only inside a machine or a private network, each with its reason', () => {
    // Act
    const reasons = ['localhost', 'LOCALHOST.', 'api.localhost', 'printer.local', 'metadata.google.internal', 'nas.home.arpa', 'intranet', 'router.'].map(
      (host) => {
        try {
          checkOutboundUrl(`https://${host}/hook`, allowed);
          return `${host}: accepted`;
        } catch (error) {
          return `${host}: ${(error as BlockedAddressError).reason}`;
        }
      },
    );

    // Assert
    expect(reasons).toEqual([
      'localhost: localhost names always resolve to this machine',
      'LOCALHOST.: localhost names always resolve to this machine',
      'api.localhost: localhost names always resolve to this machine',
      'printer.local: .local names are multicast DNS, resolvable only on a local network',
      'metadata.google.internal: .internal names resolve only inside a private network',
      'nas.home.arpa: .home.arpa names resolve only inside a home network',
      'intranet: a single-label name resolves only through a local search domain',
      'router.: a single-label name resolves only through a local search domain',
    ]);
  });

  it('still accepts public names that merely contain those words, and internal names the operator allow-listed', () => {
    expect(checkOutboundUrl('https://local.example.org/hook', allowed).hostname).toBe('local.example.org');
    expect(checkOutboundUrl('https://hooks.localhost-news.ru/hook', allowed).hostname).toBe('hooks.localhost-news.ru');
    expect(checkOutboundUrl('http://localhost:4010/hook', allowed).operatorAllowed).toBe(true);
  });
});

describe('normaliseAllowedHost', () => {
  it('normalises IPv6 and default ports and refuses entries that are not host:port', () => {
    expect([normaliseAllowedHost('[::1]:8080'), normaliseAllowedHost('LocalHost:80')]).toEqual(['[::1]:8080', 'localhost:80']);
    expect(() => normaliseAllowedHost('localhost:4010/path')).toThrow('allowHosts entry "localhost:4010/path" is not host:port');
  });

  it('refuses entries without a port, with a path, credentials, a query, or that are no URL at all, even when they end in :port', () => {
    for (const entry of ['[::1]', 'localhost', 'localhost:4010/hook:80', 'user@localhost:4010', 'user:pw@localhost:4010', 'localhost:4010?to=:4011', 'local host:4010', '[::1:4010']) {
      expect(() => normaliseAllowedHost(entry), entry).toThrow(`allowHosts entry "${entry}" is not host:port`);
    }
  });
});
