import type { LookupAddress, LookupOptions } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockedAddressError, isPublicAddress } from './ssrf-guard.js';

/** One address a hostname resolves to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a hostname to every address it has; injectable so tests can play a hostile DNS server. */
export type HostResolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** The operating system's resolver, every address in the order it gives them. */
export const systemResolver: HostResolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

/** The first address the resolution returns that the policy refuses, if any. */
export function firstNonPublic(addresses: readonly ResolvedAddress[]): ResolvedAddress | undefined {
  return addresses.find(({ address }) => !isPublicAddress(address));
}

/** The error for a hostname that resolves to an address the policy refuses. */
export function blockedResolution(hostname: string, address: ResolvedAddress): BlockedAddressError {
  return new BlockedAddressError(hostname, `resolves to ${address.address}, which is not a public address`);
}

/** The signature `net.connect` expects of its `lookup` option. */
export type ConnectLookup = (
  hostname: string,
  options: LookupOptions,
  callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
) => void;

/**
 * A `net.connect` lookup that runs the resolver and, when guarding, refuses the connection if any answer is non-public.
 * Checking here, on the very answer the socket connects to, is what defeats DNS rebinding: there is no second lookup
 * between the check and the connect. A mixed answer (public + private) is refused as a whole.
 */
export function checkedLookup(resolve: HostResolver, guard: boolean): ConnectLookup {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (resolved) => {
        const blocked = guard ? firstNonPublic(resolved) : undefined;
        if (blocked) return callback(blockedResolution(hostname, blocked), '');
        const usable = resolved.filter(({ family }) => !options.family || options.family === family);
        const first = usable[0];
        if (!first) return callback(new Error(`${hostname} has no usable address`), '');
        if (options.all) return callback(null, usable.map(({ address, family }) => ({ address, family })));
        return callback(null, first.address, first.family);
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), ''),
    );
  };
}
