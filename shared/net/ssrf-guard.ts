import { BlockList, isIPv4, isIPv6 } from 'node:net';

/**
 * IPv4 ranges that are not publicly routable (RFC 6890 special-purpose registry and friends).
 * A webhook URL is user input: reaching any of these would let a subscriber probe our own network.
 */
const NON_PUBLIC_IPV4: ReadonlyArray<readonly [string, number]> = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // TEST-NET-1
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // TEST-NET-2
  ['203.0.113.0', 24], // TEST-NET-3
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, includes broadcast 255.255.255.255
];

/**
 * Public IPv6 unicast lives in 2000::/3 only, so everything else (::, ::1, fc00::/7, fe80::/10, ff00::/8,
 * 64:ff9b::/96 NAT64, ::/96 IPv4-compatible, 5f00::/16 SRv6 SIDs) is refused by not being in it; these are the holes
 * inside 2000::/3.
 */
const NON_PUBLIC_IPV6_IN_GLOBAL_UNICAST: ReadonlyArray<readonly [string, number]> = [
  ['2001::', 23], // IETF protocol assignments: Teredo, benchmarking, ORCHID
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: embeds an arbitrary IPv4 address
  ['3fff::', 20], // documentation (RFC 9637)
];

/**
 * Names that can only resolve inside a machine or a private network, each with the reason given to the owner: a
 * webhook there is a probe of our own surroundings, never a receiver on the internet.
 */
const INTERNAL_NAME_SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ['.localhost', 'localhost names always resolve to this machine'],
  ['.local', '.local names are multicast DNS, resolvable only on a local network'],
  ['.internal', '.internal names resolve only inside a private network'],
  ['.home.arpa', '.home.arpa names resolve only inside a home network'],
];

/** Why a hostname (not an IP literal) can only resolve internally, if it can. */
function internalNameReason(hostname: string): string | undefined {
  const name = `.${hostname.replace(/\.$/, '')}`;
  const suffix = INTERNAL_NAME_SUFFIXES.find(([ending]) => name.endsWith(ending));
  if (suffix) return suffix[1];
  if (!name.slice(1).includes('.')) return 'a single-label name resolves only through a local search domain';
  return undefined;
}

interface AddressRanges {
  nonPublic: BlockList;
  globalUnicastIpv6: BlockList;
}

let addressRanges: AddressRanges | undefined;

/**
 * The range tables as block lists, built on first use rather than at import: a broken table entry then fails the
 * first address check, where a test sees it, instead of every importer of this module.
 */
function ranges(): AddressRanges {
  return (addressRanges ??= buildRanges());
}

function buildRanges(): AddressRanges {
  const nonPublic = new BlockList();
  for (const [network, prefix] of NON_PUBLIC_IPV4) nonPublic.addSubnet(network, prefix, 'ipv4');
  for (const [network, prefix] of NON_PUBLIC_IPV6_IN_GLOBAL_UNICAST) nonPublic.addSubnet(network, prefix, 'ipv6');
  const globalUnicastIpv6 = new BlockList();
  globalUnicastIpv6.addSubnet('2000::', 3, 'ipv6');
  return { nonPublic, globalUnicastIpv6 };
}

/** A URL or an address the SSRF policy refuses; `reason` says which rule, for the delivery log. */
export class BlockedAddressError extends Error {
  override readonly name = 'BlockedAddressError';
  constructor(
    readonly target: string,
    readonly reason: string,
  ) {
    super(`blocked ${target}: ${reason}`);
  }
}

/**
 * The IPv4 address embedded in an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`), if it is one.
 * The WHATWG serialiser writes every spelling of a mapped address as `::ffff:xxxx:yyyy`, so one pattern covers them.
 */
function embeddedIpv4(ipv6: string): string | undefined {
  let normalised: string;
  try {
    normalised = new URL(`http://[${ipv6}]/`).hostname;
  } catch {
    return undefined;
  }
  const match = /^\[::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})\]$/.exec(normalised);
  if (!match) return undefined;
  const high = Number.parseInt(match[1] ?? '', 16);
  const low = Number.parseInt(match[2] ?? '', 16);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/**
 * Whether an IP address is publicly routable and so safe to connect to for a user-supplied URL.
 * Anything that is not a plain IPv4/IPv6 literal (zone ids like `fe80::1%eth0` included) counts as not public.
 */
export function isPublicAddress(address: string): boolean {
  const { nonPublic, globalUnicastIpv6 } = ranges();
  if (isIPv4(address)) return !nonPublic.check(address, 'ipv4');
  // A zone id scopes the address to one interface of this machine: not an address the internet routes to us.
  if (!isIPv6(address) || address.includes('%')) return false;
  const mapped = embeddedIpv4(address);
  if (mapped !== undefined) return isPublicAddress(mapped);
  return globalUnicastIpv6.check(address, 'ipv6') && !nonPublic.check(address, 'ipv6');
}

/** `host:port` as the allow-list compares it: WHATWG-normalised host, explicit or default port. */
function hostKey(url: URL): string {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${url.hostname}:${port}`;
}

/**
 * Normalises an operator's allow-list entry (`localhost:4010`, `[::1]:8080`) to the form {@link checkOutboundUrl} compares.
 * @throws Error when the entry is not `host:port`: a port-less entry would silently allow a whole host.
 */
export function normaliseAllowedHost(entry: string): string {
  let url: URL;
  try {
    url = new URL(`http://${entry}`);
  } catch {
    throw new Error(`allowHosts entry "${entry}" is not host:port`);
  }
  if (!/:\d+$/.test(entry) || url.pathname !== '/' || url.username !== '' || url.search !== '') {
    throw new Error(`allowHosts entry "${entry}" is not host:port`);
  }
  return `${url.hostname}:${url.port || '80'}`;
}

/** What {@link checkOutboundUrl} found out about a URL it accepts. */
export interface OutboundUrlVerdict {
  url: URL;
  /** True when an operator allow-listed this exact host:port: http and non-public addresses are then permitted. */
  operatorAllowed: boolean;
  /** The hostname without IPv6 brackets, as the resolver and the socket see it. */
  hostname: string;
}

/**
 * Checks a user-supplied URL before any connection: https only (http only for allow-listed host:port pairs), no
 * credentials, an IP-literal host must be public, and a hostname must be one the internet can resolve (not
 * `localhost`, `*.localhost`, `*.local`, `*.internal`, `*.home.arpa` or a single label, unless allow-listed). The URL
 * goes through the WHATWG parser first, which turns obfuscated literals (`2130706433`, `0177.0.0.1`, `0x7f.1`,
 * `127.1`, `[::ffff:7f00:1]`) into canonical addresses. Hostnames are checked again on the address actually
 * connected to.
 * @param allowedHosts entries already passed through {@link normaliseAllowedHost}
 * @throws BlockedAddressError when the URL breaks the policy
 */
export function checkOutboundUrl(rawUrl: string, allowedHosts: ReadonlySet<string>): OutboundUrlVerdict {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new BlockedAddressError(rawUrl, 'not a valid URL');
  }
  if (url.username !== '' || url.password !== '') {
    throw new BlockedAddressError(`${url.protocol}//${url.host}`, 'credentials in the URL');
  }
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const operatorAllowed = (url.protocol === 'http:' || url.protocol === 'https:') && allowedHosts.has(hostKey(url));
  if (operatorAllowed) return { url, operatorAllowed, hostname };
  if (url.protocol !== 'https:') throw new BlockedAddressError(`${url.protocol}//${url.host}`, `${url.protocol} is not allowed, only https:`);
  if (isIPv4(hostname) || isIPv6(hostname)) {
    if (!isPublicAddress(hostname)) throw new BlockedAddressError(url.host, `${hostname} is not a public address`);
    return { url, operatorAllowed, hostname };
  }
  const internal = internalNameReason(hostname);
  if (internal) throw new BlockedAddressError(url.host, internal);
  return { url, operatorAllowed, hostname };
}
